//! Mounts the app; everything else lives in the library so tests can reach it.

fn main() {
    #[cfg(target_arch = "wasm32")]
    career_kit::start();
}
