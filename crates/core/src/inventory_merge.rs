//! Bringing an imported inventory into the list a reader already has: added to it or in
//! place of it, with every device that would not survive named and the reason, so the
//! reader chooses knowing what is lost (review J3-1), and every imported device whose
//! method smarthost does not know named too (J3-6: its card cannot be built until the
//! reader picks one). Results are data, worded in the reader's language.

use super::error::DeviceRef;
use super::{Device, MAX_DEVICES};
use crate::i18n::{format, Lang};
use crate::method::MethodId;

/// How an import joins the current list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// The file's devices after the current ones.
    Add,
    /// The file's devices instead of the current ones.
    Replace,
}

/// Why a device is not in the list an import gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropReason {
    /// A current device that the file does not hold, when the file replaces the list.
    NotInFile,
    /// A device of the file that the list already holds, field for field.
    AlreadyListed,
    /// A device of the file past [`MAX_DEVICES`] in all.
    OverLimit,
}

/// A device an import leaves out: numbered in the current list for
/// [`DropReason::NotInFile`], in the file otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub device: DeviceRef,
    pub reason: DropReason,
}

impl Dropped {
    pub fn message(&self, lang: Lang) -> String {
        let key = match self.reason {
            DropReason::NotInFile => "inventory.drop.not-in-file",
            DropReason::AlreadyListed => "inventory.drop.already-listed",
            DropReason::OverLimit => "inventory.drop.over-limit",
        };
        format(
            lang,
            key,
            &[
                ("device", &self.device.label(lang)),
                ("max", &MAX_DEVICES.to_string()),
            ],
        )
    }
}

/// The list an import gives, how many of the file's devices it holds, and what it left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOutcome {
    pub devices: Vec<Device>,
    pub imported: usize,
    pub dropped: Vec<Dropped>,
}

/// `incoming` (a file's devices) joined to `current` as `mode` says.
pub fn combine(current: &[Device], incoming: &[Device], mode: ImportMode) -> ImportOutcome {
    match mode {
        ImportMode::Replace => {
            let dropped = current
                .iter()
                .enumerate()
                .filter(|(_, device)| !incoming.contains(device))
                .map(|(at, device)| dropped_at(at, device, DropReason::NotInFile))
                .collect();
            let devices: Vec<Device> = incoming.iter().take(MAX_DEVICES).cloned().collect();
            ImportOutcome {
                imported: devices.len(),
                devices,
                dropped,
            }
        }
        ImportMode::Add => {
            let mut devices = current.to_vec();
            let mut dropped = Vec::new();
            for (at, device) in incoming.iter().enumerate() {
                if devices.contains(device) {
                    dropped.push(dropped_at(at, device, DropReason::AlreadyListed));
                } else if devices.len() >= MAX_DEVICES {
                    dropped.push(dropped_at(at, device, DropReason::OverLimit));
                } else {
                    devices.push(device.clone());
                }
            }
            ImportOutcome {
                imported: devices.len() - current.len(),
                devices,
                dropped,
            }
        }
    }
}

fn dropped_at(at: usize, device: &Device, reason: DropReason) -> Dropped {
    Dropped {
        device: DeviceRef::new(at + 1, &device.name),
        reason,
    }
}

/// A device whose method is filled in with an id smarthost does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownMethod {
    pub device: DeviceRef,
    /// As the file wrote it, made safe to show.
    pub method: String,
}

impl UnknownMethod {
    /// "Canon warehouse: unknown method relay-ipx…": by name, by number without one.
    pub fn message(&self, lang: Lang) -> String {
        format(
            lang,
            "inventory.note.unknown-method",
            &[
                ("device", &self.device.name_or_number(lang)),
                ("method", &self.method),
            ],
        )
    }
}

/// The devices of `devices` (numbered from 1) whose method is not empty and not one of
/// smarthost's.
pub fn unknown_methods(devices: &[Device]) -> Vec<UnknownMethod> {
    devices
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            let method = d.method.trim();
            !method.is_empty() && MethodId::parse(method).is_none()
        })
        .map(|(at, d)| UnknownMethod {
            device: DeviceRef::new(at + 1, &d.name),
            method: crate::echo::shown(d.method.trim()),
        })
        .collect()
}

crate::i18n::display_in_english!(Dropped, UnknownMethod);
