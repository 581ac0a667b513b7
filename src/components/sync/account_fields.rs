use crate::components::{Refusal, TextInput};
use crate::platform::new_id;
use crate::sync::{Account, AccountError};
use leptos::prelude::*;

/// What a database account is typed into: "Database address", "User name"
/// and "Password", read as one [`Account`].
#[derive(Clone, Copy)]
pub struct AccountForm {
    address: RwSignal<String>,
    user: RwSignal<String>,
    password: RwSignal<String>,
    /// The field the last reading of the account refused.
    refused_field: RwSignal<Option<Field>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Address,
    User,
    Password,
}

impl AccountForm {
    pub fn new() -> Self {
        Self {
            address: RwSignal::new(String::new()),
            user: RwSignal::new(String::new()),
            password: RwSignal::new(String::new()),
            refused_field: RwSignal::new(None),
        }
    }

    /// The account typed, for a new sync of this device.
    pub fn account(&self) -> Result<Account, AccountError> {
        let typed = Account::from_typed(
            &self.address.get_untracked(),
            &self.user.get_untracked(),
            &self.password.get_untracked(),
            new_id(),
        );
        self.refused_field
            .set(typed.as_ref().err().map(|e| match e {
                AccountError::Address(_) => Field::Address,
                AccountError::NoUser => Field::User,
                AccountError::NoPassword => Field::Password,
            }));
        typed
    }

    /// `refused`, for the field it is about.
    fn about(&self, field: Field, refused: Option<Refusal>) -> Option<Refusal> {
        let refused_field = self.refused_field;
        refused.map(|r| r.when(move || refused_field.get() == Some(field)))
    }
}

/// The three fields; `refused` is the form's message, which points at the
/// field whose entry the account was refused for.
#[component]
pub fn AccountFields(
    form: AccountForm,
    #[prop(optional)] refused: Option<Refusal>,
    /// Inside a form of the caller's (see [`TextInput`]).
    #[prop(optional)]
    in_form: bool,
) -> impl IntoView {
    view! {
        <TextInput in_form=in_form
            label="Database address"
            placeholder="https://notes.example.org/db/sessionpad"
            value=form.address
            refused=form.about(Field::Address, refused)
        />
        <TextInput in_form=in_form label="User name" value=form.user refused=form.about(Field::User, refused) />
        <TextInput in_form=in_form
            label="Password"
            kind="password"
            value=form.password
            refused=form.about(Field::Password, refused)
        />
    }
}
