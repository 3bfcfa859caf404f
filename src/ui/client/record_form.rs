//! What every add-or-edit page of a record (a session, a check-in) keeps: the fields' errors, the
//! storage error beside Save, and the id a new record gets (made once per form, so a double tap
//! on Save writes the same record twice, not two records).

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::validation::FieldErrors;
use crate::storage::{new_id, StorageError};
use crate::ui::client::routes::Route;
use crate::ui::platform::focus::focus_first_invalid;
use crate::ui::shared::actions::Done;

#[derive(Clone, PartialEq)]
pub struct RecordForm {
    pub errors: UseStateHandle<FieldErrors>,
    pub save_error: UseStateHandle<Option<String>>,
    new_record_id: UseStateHandle<String>,
    /// The `updated` stamp of the version the form was filled from, taken the first time the
    /// record is seen: records read again after another tab saved must not move it, or an edit
    /// begun on the older version would overwrite the newer one unnoticed.
    opened_from: std::rc::Rc<std::cell::RefCell<Option<Option<String>>>>,
    /// Counts refills: after a conflict the form is filled again from the newer version (the
    /// page keys its form view by it).
    pub refills: UseStateHandle<u32>,
    navigator: Option<Navigator>,
}

#[hook]
pub fn use_record_form() -> RecordForm {
    RecordForm {
        errors: use_state(FieldErrors::new),
        save_error: use_state(|| None::<String>),
        new_record_id: use_state(new_id),
        opened_from: use_mut_ref(|| None),
        refills: use_state(|| 0),
        navigator: use_navigator(),
    }
}

impl RecordForm {
    /// The record's id: the one edited, or the new record's.
    pub fn id(&self, editing: Option<&String>) -> String {
        editing.cloned().unwrap_or_else(|| (*self.new_record_id).clone())
    }

    /// The stamp of the version this form started from: `current` (the stamp of the record as
    /// shown now) the first time, the same answer ever after.
    pub fn opened_from(&self, current: Option<String>) -> Option<String> {
        self.opened_from.borrow_mut().get_or_insert(current).clone()
    }

    /// Shows what is wrong beside each field and moves focus to the first.
    pub fn refuse(&self, found: FieldErrors) {
        focus_first_invalid(&found, "");
        self.errors.set(found);
    }

    /// The fields are fine: clears their errors, and returns what to do once the write is done
    /// (go to `then`, or say why it failed beside Save).
    pub fn saving(&self, then: Route) -> Done {
        self.errors.set(FieldErrors::new());
        let (save_error, navigator) = (self.save_error.clone(), self.navigator.clone());
        let (opened_from, refills) = (self.opened_from.clone(), self.refills.clone());
        Callback::from(move |result: Result<(), StorageError>| match result {
            Ok(()) => {
                if let Some(navigator) = &navigator {
                    navigator.push(&then);
                }
            }
            Err(error) => {
                if error == StorageError::Conflict {
                    // Another tab saved a newer version: the form shows it, and starts from it.
                    opened_from.replace(None);
                    refills.set(*refills + 1);
                }
                save_error.set(Some(error.user_message()));
            }
        })
    }
}
