//! The planner binary: plan, compare, cards, connector and settings.

fn main() {
    console_error_panic_hook::set_once();
    smarthost_web::start(smarthost_web::PLANNER);
}
