pub mod browser;
pub mod server;
