//! The plugins that ship with honeycomb.

use honeycomb_core::Plugin;

/// The built-in plugins, in the order of the honeycomb (Kietzmann et al., 2011).
pub fn builtin() -> Vec<Box<dyn Plugin>> {
    vec![
        Box::new(honeycomb_identity::IdentityPlugin),
        Box::new(honeycomb_conversations::ConversationsPlugin),
        Box::new(honeycomb_sharing::SharingPlugin),
        Box::new(honeycomb_presence::PresencePlugin),
        Box::new(honeycomb_relationships::RelationshipsPlugin),
        Box::new(honeycomb_reputation::ReputationPlugin),
        Box::new(honeycomb_groups::GroupsPlugin),
    ]
}
