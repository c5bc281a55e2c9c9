//! The plugins that ship with honeycomb.

use honeycomb_core::Plugin;

/// The built-in plugins: the seven blocks in the order of the honeycomb (Kietzmann et al.,
/// 2011), then the audience section, which is no block of its own.
pub fn builtin() -> Vec<Box<dyn Plugin>> {
    vec![
        Box::new(honeycomb_identity::IdentityPlugin),
        Box::new(honeycomb_conversations::ConversationsPlugin),
        Box::new(honeycomb_sharing::SharingPlugin),
        Box::new(honeycomb_presence::PresencePlugin),
        Box::new(honeycomb_relationships::RelationshipsPlugin),
        Box::new(honeycomb_reputation::ReputationPlugin),
        Box::new(honeycomb_groups::GroupsPlugin),
        Box::new(honeycomb_audience::AudiencePlugin),
    ]
}
