//! The content model: the user's files ([`files`]), how they are read
//! ([`load`], [`frontmatter`]) and the validated site they become ([`model`]).

pub mod files;
pub mod frontmatter;
pub mod load;
pub mod model;

pub use load::{LoadOptions, load};
pub use model::Site;
