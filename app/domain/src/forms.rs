//! What every form's data is: typed fields that the browser and the server read
//! the same way.

use serde::{de::DeserializeOwned, Serialize};

/// What a form page's fields are, as typed.
pub trait FormData: Clone + Default + Serialize + DeserializeOwned + Send + Sync + 'static {
    /// The form as it may be shown again: secrets (passwords) removed, because a
    /// rejected form is written back into the page.
    fn scrubbed(self) -> Self {
        self
    }
}
