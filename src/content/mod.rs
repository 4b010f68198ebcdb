//! The content model: the user's files ([`files`]), how they are read
//! ([`load`], [`frontmatter`]) and the validated site they become ([`model`]).

pub mod files;
pub mod frontmatter;
pub mod load;
pub mod missing;
pub mod model;
pub mod summary;

pub use load::cache::{LoadCache, Revisions};
pub use load::{LoadOptions, load, load_cached};
pub use missing::{Missing, missing_translations};
pub use model::Site;
