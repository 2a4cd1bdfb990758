//! The app binary Trunk builds: everything lives in the library so that
//! browser tests can mount the same components.
fn main() {
    portal::start();
}
