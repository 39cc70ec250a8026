//! The DNS check binary: the check screen and the SPF engine, loaded only by check/.

fn main() {
    console_error_panic_hook::set_once();
    smarthost_web::start(smarthost_web::CHECK);
}
