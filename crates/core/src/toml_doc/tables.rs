//! The document's tables as they are defined: which keys and tables exist, whether a
//! table was opened by a header, dotted keys or an array, so a second definition is refused.

use super::*;

/// How a table came to exist, which decides whether it may be defined again (TOML 1.0,
/// "Table"): a table created only as the parent of a header may get its own header
/// later; one made by dotted keys may be extended only by more dotted keys and by
/// sub-table headers; a header defines a table once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Origin {
    Implicit,
    Header,
    Dotted,
}

pub(super) enum Node {
    /// A value written after `=`, including inline tables, which are closed to later
    /// additions, and static arrays, which `[[...]]` cannot extend.
    Leaf(Value),
    Table(Table),
    TablesArray(Vec<Table>),
}

pub(super) struct Table {
    entries: Vec<(String, Node)>,
    /// Key to position in `entries`, so a table with many keys stays fast to build.
    index: BTreeMap<String, usize>,
    origin: Origin,
}

impl Table {
    pub(super) fn new(origin: Origin) -> Self {
        Table {
            entries: Vec::new(),
            index: BTreeMap::new(),
            origin,
        }
    }

    pub(super) fn get_mut(&mut self, key: &str) -> Option<&mut Node> {
        let position = *self.index.get(key)?;
        self.entries.get_mut(position).map(|(_, node)| node)
    }

    pub(super) fn get_or_insert(
        &mut self,
        key: &str,
        make: impl FnOnce() -> Node,
    ) -> Option<&mut Node> {
        if !self.index.contains_key(key) {
            self.index.insert(key.to_owned(), self.entries.len());
            self.entries.push((key.to_owned(), make()));
        }
        self.get_mut(key)
    }

    pub(super) fn into_value(self) -> Value {
        Value::Object(
            self.entries
                .into_iter()
                .map(|(key, node)| (key, node.into_value()))
                .collect::<Map<_, _>>(),
        )
    }
}

impl Node {
    pub(super) fn into_value(self) -> Value {
        match self {
            Node::Leaf(value) => value,
            Node::Table(table) => table.into_value(),
            Node::TablesArray(tables) => {
                Value::Array(tables.into_iter().map(Table::into_value).collect())
            }
        }
    }
}

/// The table a header named: through arrays of tables, their last element.
pub(super) fn table_at<'t>(root: &'t mut Table, path: &[String]) -> Option<&'t mut Table> {
    let mut table = root;
    for part in path {
        table = match table.get_mut(part)? {
            Node::Table(inner) => inner,
            Node::TablesArray(tables) => tables.last_mut()?,
            Node::Leaf(_) => return None,
        };
    }
    Some(table)
}

pub(super) fn dotted_name(path: &[String]) -> String {
    let parts: Vec<String> = path.iter().map(|part| key(&shown(part))).collect();
    parts.join(".")
}

/// Defines `[path]` or `[[path]]`, following the TOML 1.0 rules on redefinition.
pub(super) fn define_table(root: &mut Table, path: &[String], array: bool) -> Result<(), String> {
    let name = dotted_name(path);
    let (last, parents) = path.split_last().ok_or("a table header needs a name")?;
    let mut table = root;
    for (depth, part) in parents.iter().enumerate() {
        let node = table
            .get_or_insert(part, || Node::Table(Table::new(Origin::Implicit)))
            .ok_or("the table cannot be created")?;
        table = match node {
            Node::Table(inner) => inner,
            Node::TablesArray(tables) => tables.last_mut().ok_or("an array of tables is empty")?,
            Node::Leaf(_) => {
                let parent = dotted_name(path.get(..=depth).unwrap_or_default());
                return Err(format!(
                    "{parent} already holds a value, so [{name}] cannot be a table in it"
                ));
            }
        };
    }
    let Some(existing) = table.get_mut(last) else {
        let node = if array {
            Node::TablesArray(vec![Table::new(Origin::Header)])
        } else {
            Node::Table(Table::new(Origin::Header))
        };
        table.get_or_insert(last, || node);
        return Ok(());
    };
    match (existing, array) {
        (Node::Table(table), false) if table.origin == Origin::Implicit => {
            table.origin = Origin::Header;
        }
        (Node::TablesArray(tables), true) => tables.push(Table::new(Origin::Header)),
        (Node::TablesArray(_), false) => {
            return Err(format!(
                "[{name}] is already an array of tables ([[{name}]])"
            ));
        }
        (Node::Table(_), false) => return Err(format!("table [{name}] is defined twice")),
        (Node::Leaf(_), false) => {
            return Err(format!(
                "{name} already holds a value, so [{name}] cannot define it"
            ));
        }
        (_, true) => {
            return Err(format!(
                "[[{name}]] cannot add to {name}, which is already defined as something else"
            ));
        }
    }
    Ok(())
}

/// Stores `path = value` in `table`, creating the tables a dotted key names.
pub(super) fn insert_dotted(
    table: &mut Table,
    path: &[String],
    value: Value,
) -> Result<(), String> {
    let (last, parents) = path.split_last().ok_or("a key needs a name")?;
    let mut table = table;
    for (depth, part) in parents.iter().enumerate() {
        let node = table
            .get_or_insert(part, || Node::Table(Table::new(Origin::Dotted)))
            .ok_or("the table cannot be created")?;
        table = match node {
            Node::Table(inner) if inner.origin == Origin::Dotted => inner,
            _ => {
                let parent = dotted_name(path.get(..=depth).unwrap_or_default());
                return Err(format!(
                    "{parent} is already defined, so the dotted key {} cannot add to it",
                    dotted_name(path)
                ));
            }
        };
    }
    if table.get_mut(last).is_some() {
        return Err(format!("the key {} is defined twice", dotted_name(path)));
    }
    table.get_or_insert(last, || Node::Leaf(value));
    Ok(())
}
