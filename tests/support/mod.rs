pub mod browser;
pub mod pages;
pub mod server;
