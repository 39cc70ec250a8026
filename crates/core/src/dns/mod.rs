//! DNS: names, the wire format, resolvers (DNS-over-HTTPS and in-memory) and the demo zone.

pub mod cache;
pub mod chain;
pub mod demo;
pub mod doh;
pub mod endpoint;
pub mod json;
pub mod memo;
pub mod name;
pub mod pasted;
pub mod preset;
pub mod record;
pub mod resolver;
pub mod wire;
pub mod zone;

pub use cache::{join2, Cached};
pub use chain::Chain;
pub use doh::{DohFormat, DohResolver};
pub use endpoint::EndpointError;
pub use json::{DohJsonResolver, JsonDialect};
pub use name::{DomainName, NameError};
pub use record::{Rcode, Record, RecordData, RecordType};
pub use resolver::{
    BadAnswer, DohWireResolver, HttpResponse, HttpTransport, JsonProblem, Lookup, NetworkFailure,
    ResolveError, Resolver, TransportError,
};
pub use zone::InMemoryZone;
