//! Fixed sets of options the clinician picks from: a note format, a risk level,
//! a homework decision… Each is declared once with [`choice_enum!`], which
//! gives it stable keys for storage and form controls and words for people, so
//! one view serves every such list.

/// A closed set of options with a stable key and a label per option.
pub trait Choice: Copy + PartialEq + Send + Sync + 'static {
    /// Every option, in the order it is offered.
    const ALL: &'static [Self];
    /// Stable key for storage and `<select>` values; serde uses the same one.
    fn key(self) -> &'static str;
    /// Wording shown to the clinician.
    fn label(self) -> &'static str;
    /// Inverse of [`Choice::key`]; `None` for anything unknown.
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.key() == key)
    }
}

/// Declares a [`Choice`] enum. Serde reads and writes the same key as
/// [`Choice::key`], so stored records and select controls agree, and labels
/// can be reworded without touching old data.
///
/// ```ignore
/// choice_enum! {
///     /// How the session was held.
///     #[derive(Default)]
///     Delivery {
///         #[default]
///         InPerson => "in-person", "In person";
///         Telehealth => "telehealth", "Telehealth";
///     }
/// }
/// ```
macro_rules! choice_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $key:literal, $label:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $key)] $variant, )+
        }

        impl $crate::model::Choice for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];

            fn key(self) -> &'static str {
                match self {
                    $(Self::$variant => $key,)+
                }
            }

            fn label(self) -> &'static str {
                match self {
                    $(Self::$variant => $label,)+
                }
            }
        }
    };
}
pub(crate) use choice_enum;

#[cfg(test)]
pub(crate) mod tests {
    use super::Choice;

    /// Every key is lowercase and reads back as its option and as serde's
    /// form; unknown keys and labels are not keys.
    pub fn keys_round_trip<T: Choice + serde::Serialize + std::fmt::Debug>() {
        for &c in T::ALL {
            assert_eq!(T::from_key(c.key()), Some(c));
            assert_eq!(c.key(), c.key().to_lowercase());
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.key())
            );
        }
        assert_eq!(T::from_key("nonsense"), None);
        let mut keys: Vec<_> = T::ALL.iter().map(|c| c.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), T::ALL.len(), "keys are unique");
    }
}
