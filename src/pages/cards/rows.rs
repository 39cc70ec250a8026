//! The device inventory as the Cards screen holds it: a stable key, a signal and a card
//! per device, so editing one never re-creates the others' fields and typing in one
//! device updates that row alone (the list changes only when a device is added, removed
//! or imported). Each device's card is built once per change of that device, and its
//! editor, the compact list and the print sheet all read it. Saved in this browser.

use super::editor::today;
use crate::storage;
use leptos::prelude::*;
use smarthost_core::card_print::Built;
use smarthost_core::device_card::build_device_card;
use smarthost_core::inventory::{CloudAssumed, Device, Imported, Inventory};

const STORAGE_KEY: &str = "smarthost.inventory";

/// One device of the list: its stable key, its fields and its card.
#[derive(Clone, Copy)]
pub struct Row {
    pub key: u64,
    pub device: RwSignal<Device>,
    /// The device's card, built again only when the device changes.
    pub card: Memo<Built>,
}

/// Devices with a stable key each.
pub type Rows = Vec<Row>;

/// The saved devices, and the notice when they were saved before devices had a cloud.
pub fn load() -> (Vec<Device>, Option<CloudAssumed>) {
    storage::get(STORAGE_KEY)
        .and_then(|text| Imported::read_json(&text).ok())
        .map(|imported| (imported.inventory.devices, imported.cloud_assumed))
        .unwrap_or_default()
}

/// Whether this browser has a list saved: the screen then loads its tools at once.
pub fn is_saved() -> bool {
    storage::get(STORAGE_KEY).is_some()
}

/// Saves `devices` in this browser; an empty list is saved as none, so a visit after the
/// last device was removed opens on the empty screen without loading the tools.
pub fn save(devices: Vec<Device>) {
    if devices.is_empty() {
        storage::remove(STORAGE_KEY);
    } else {
        storage::set(STORAGE_KEY, &Inventory::new(devices).to_json());
    }
}

/// The rows and the next key to give.
#[derive(Clone, Copy)]
pub struct DeviceRows {
    rows: RwSignal<Rows>,
    next_key: StoredValue<u64>,
    /// The screen's owner: a row's signal belongs to the list, not to whichever row's
    /// button made it (a copy made by Duplicate must outlive the row it was copied from).
    owner: StoredValue<Option<Owner>>,
}

impl DeviceRows {
    pub fn new(devices: Vec<Device>) -> Self {
        let rows = DeviceRows {
            rows: RwSignal::new(Vec::new()),
            next_key: StoredValue::new(0),
            owner: StoredValue::new(Owner::current()),
        };
        rows.rows.set(rows.keyed(devices));
        rows
    }

    fn key(self) -> u64 {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        key
    }

    fn row(self, device: Device) -> Row {
        let key = self.key();
        let make = move || {
            let device = RwSignal::new(device);
            let card = Memo::new(move |_| device.with(|d| build_device_card(d, &today())));
            Row { key, device, card }
        };
        match self.owner.get_value() {
            Some(owner) => owner.with(make),
            None => make(),
        }
    }

    fn keyed(self, devices: Vec<Device>) -> Rows {
        devices.into_iter().map(|d| self.row(d)).collect()
    }

    /// The rows (reactive: changes when a device is added, removed or imported).
    pub fn list(self) -> Rows {
        self.rows.get()
    }

    pub fn is_empty(self) -> bool {
        self.rows.with(Vec::is_empty)
    }

    /// Every device as typed (reactive: changes with any field of any device).
    pub fn devices(self) -> Vec<Device> {
        self.rows.get().iter().map(|r| r.device.get()).collect()
    }

    /// The row keyed `key`, without subscribing.
    pub fn find(self, key: u64) -> Option<Row> {
        self.rows
            .with_untracked(|r| r.iter().find(|row| row.key == key).copied())
    }

    /// Puts `devices` in place of the list.
    pub fn replace(self, devices: Vec<Device>) {
        self.rows.set(self.keyed(devices));
    }

    /// Adds `device` at the end; its key.
    pub fn push(self, device: Device) -> u64 {
        let row = self.row(device);
        self.rows.update(|r| r.push(row));
        row.key
    }

    /// Puts `device` back at position `at` (or last, when the list got shorter); its key.
    pub fn insert_at(self, at: usize, device: Device) -> u64 {
        let row = self.row(device);
        self.rows.update(|r| r.insert(at.min(r.len()), row));
        row.key
    }

    /// The key and signal of the row at position `at`.
    pub fn at(self, at: usize) -> Option<(u64, RwSignal<Device>)> {
        self.rows
            .with_untracked(|r| r.get(at).map(|row| (row.key, row.device)))
    }

    /// The position of the row keyed `key` (reactive: follows adds and removes).
    pub fn position(self, key: u64) -> Option<usize> {
        self.rows.with(|r| r.iter().position(|row| row.key == key))
    }

    /// Every device as it is now, without subscribing.
    pub fn devices_untracked(self) -> Vec<Device> {
        self.rows
            .with_untracked(|r| r.iter().map(|row| row.device.get_untracked()).collect())
    }

    /// Adds `copy` right after the row of `key`; the copy's key.
    pub fn insert_after(self, key: u64, copy: Device) -> u64 {
        let row = self.row(copy);
        self.rows.update(|r| {
            let at = position_after(r.iter().map(|row| row.key), key);
            r.insert(at, row);
        });
        row.key
    }

    /// Takes out the row of `key`: where it was and its device, to put it back.
    pub fn remove(self, key: u64) -> Option<(usize, Device)> {
        let mut removed = None;
        self.rows.update(|r| {
            if let Some(at) = r.iter().position(|row| row.key == key) {
                let row = r.remove(at);
                removed = Some((at, row.device.get_untracked()));
            }
        });
        removed
    }
}

/// Where a row goes to follow the row keyed `key` among `keys`: right after it, or at the
/// end when that row is gone.
fn position_after(keys: impl ExactSizeIterator<Item = u64>, key: u64) -> usize {
    let len = keys.len();
    let mut keys = keys;
    keys.position(|k| k == key).map_or(len, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::position_after;

    /// Inserts `row` after the row keyed `key` as [`super::DeviceRows::insert_after`] does.
    fn insert_after<T>(rows: &mut Vec<(u64, T)>, key: u64, row: (u64, T)) {
        let at = position_after(rows.iter().map(|(k, _)| *k), key);
        rows.insert(at, row);
    }

    #[test]
    fn a_copy_goes_right_after_its_row_or_last_when_the_row_is_gone() {
        let mut rows = vec![(0, "printer"), (4, "scanner"), (2, "app")];
        insert_after(&mut rows, 4, (7, "scanner copy"));
        assert_eq!(
            rows,
            [
                (0, "printer"),
                (4, "scanner"),
                (7, "scanner copy"),
                (2, "app")
            ]
        );
        insert_after(&mut rows, 2, (8, "app copy"));
        assert_eq!(rows.last(), Some(&(8, "app copy")));
        insert_after(&mut rows, 99, (9, "orphan"));
        assert_eq!(rows.last(), Some(&(9, "orphan")));
        let mut empty = Vec::new();
        insert_after(&mut empty, 0, (0, "first"));
        assert_eq!(empty, [(0, "first")]);
    }
}
