//! The clerk's daily workflow around `render`: start a document from a
//! skeleton ([`new`]), render a whole set at once ([`batch`]), look at pages
//! as pictures ([`preview`]) and re-render while editing ([`watch`]).

pub mod batch;
pub mod new;
#[cfg(feature = "preview")]
pub mod preview;
#[cfg(feature = "watch")]
pub mod watch;
