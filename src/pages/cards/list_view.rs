//! What of the list the screen shows: the filter (a search and a customer, core's
//! [`DeviceFilter`]) and which devices' forms are collapsed to their line in the compact
//! list. The print takes the devices the filter shows, so an MSP prints one customer's
//! cards (review J3).

use super::rows::{DeviceRows, Row};
use leptos::prelude::*;
use smarthost_core::card_print::named_host;
use smarthost_core::inventory::DeviceFilter;

#[derive(Clone, Copy)]
pub struct ListView {
    pub filter: RwSignal<DeviceFilter>,
    /// The keys of the devices whose form is collapsed.
    collapsed: RwSignal<Vec<u64>>,
    rows: DeviceRows,
}

impl ListView {
    pub fn new(rows: DeviceRows) -> Self {
        ListView {
            filter: RwSignal::new(DeviceFilter::default()),
            collapsed: RwSignal::new(Vec::new()),
            rows,
        }
    }

    /// Whether the filter lets `row` through (reactive); the search reads the host the
    /// list shows for it too.
    pub fn matches(self, row: &Row) -> bool {
        self.filter.with(|f| {
            row.card
                .with(|card| row.device.with(|d| f.matches_showing(d, named_host(card))))
        })
    }

    /// The rows the filter lets through, in list order (reactive).
    pub fn shown(self) -> Vec<Row> {
        (self.rows.list().into_iter())
            .filter(|row| self.matches(row))
            .collect()
    }

    /// Whether the device's form is out (reactive).
    pub fn is_open(self, key: u64) -> bool {
        !self.collapsed.with(|c| c.contains(&key))
    }

    pub fn open(self, key: u64) {
        self.collapsed.update(|c| c.retain(|k| *k != key));
    }

    pub fn collapse(self, key: u64) {
        if !self.collapsed.with_untracked(|c| c.contains(&key)) {
            self.collapsed.update(|c| c.push(key));
        }
    }

    /// Every form collapsed (`true`) or out.
    pub fn collapse_all(self, collapse: bool) {
        let keys = match collapse {
            true => self.rows.list().iter().map(|row| row.key).collect(),
            false => Vec::new(),
        };
        self.collapsed.set(keys);
    }

    /// Whether every form is collapsed (reactive); `false` for an empty list.
    pub fn all_collapsed(self) -> bool {
        let rows = self.rows.list();
        !rows.is_empty()
            && self
                .collapsed
                .with(|c| rows.iter().all(|r| c.contains(&r.key)))
    }
}
