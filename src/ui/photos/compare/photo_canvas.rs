//! One photo drawn on a canvas in the series' reference frame (through its alignment).

use web_sys::{HtmlCanvasElement, HtmlImageElement};
use yew::prelude::*;

use super::pixels::draw;
use crate::domain::photos::similarity::Similarity;

#[derive(Properties, PartialEq)]
pub struct PhotoCanvasProps {
    pub image: HtmlImageElement,
    /// The photo's map onto the frame, in width units.
    pub onto: Similarity,
    /// The canvas's size in pixels (the frame's aspect).
    pub size: (u32, u32),
    /// The text alternative: which photo this is.
    pub label: AttrValue,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub node: NodeRef,
}

#[component]
pub fn PhotoCanvas(props: &PhotoCanvasProps) -> Html {
    {
        let node = props.node.clone();
        use_effect_with((props.image.clone(), props.onto, props.size), move |(image, onto, size)| {
            if let Some(canvas) = node.cast::<HtmlCanvasElement>() {
                canvas.set_width(size.0);
                canvas.set_height(size.1);
                draw(&canvas, image, Some(onto));
            }
        });
    }
    html! {
        <canvas ref={props.node.clone()} class={classes!("compare-canvas", props.class.clone())}
            role="img" aria-label={props.label.clone()} />
    }
}
