//! A parsed file as a tree, in the file's order, and a deserializer over it
//! whose error type is the caller's. serde-value's tree would do, but its
//! maps are sorted: with two faults in one table the second read would meet
//! another one first than the parser did, and the reason would not match
//! the place. The deserializer is serde's own pieces (`de::value`) over a
//! `Vec` of entries.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, MapDeserializer, SeqDeserializer};
use serde::de::{self, Deserialize, IntoDeserializer, Visitor};

/// A TOML, JSON or YAML value.
#[derive(Debug, Clone, PartialEq)]
pub enum Tree {
    Bool(bool),
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    Text(String),
    /// JSON's and YAML's null.
    Null,
    List(Vec<Tree>),
    /// The entries in the file's order.
    Table(Vec<(Tree, Tree)>),
}

impl Tree {
    fn unexpected(&self) -> de::Unexpected<'_> {
        match self {
            Tree::Bool(b) => de::Unexpected::Bool(*b),
            Tree::Unsigned(n) => de::Unexpected::Unsigned(*n),
            Tree::Signed(n) => de::Unexpected::Signed(*n),
            Tree::Float(x) => de::Unexpected::Float(*x),
            Tree::Text(s) => de::Unexpected::Str(s),
            Tree::Null => de::Unexpected::Unit,
            Tree::List(_) => de::Unexpected::Seq,
            Tree::Table(_) => de::Unexpected::Map,
        }
    }
}

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Tree;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Tree, E> {
        Ok(Tree::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Tree, E> {
        Ok(Tree::Signed(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Tree, E> {
        Ok(Tree::Unsigned(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Tree, E> {
        Ok(Tree::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Tree, E> {
        Ok(Tree::Text(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Tree, E> {
        Ok(Tree::Text(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Tree, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_newtype_struct<D: de::Deserializer<'de>>(self, d: D) -> Result<Tree, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(v) = seq.next_element()? {
            out.push(v);
        }
        Ok(Tree::List(out))
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut out = Vec::with_capacity(map.size_hint().unwrap_or(0).min(1024));
        while let Some(entry) = map.next_entry()? {
            out.push(entry);
        }
        Ok(Tree::Table(out))
    }
}

/// Reads a [`Tree`] into any type, with errors of type `E`.
pub struct TreeDeserializer<E> {
    tree: Tree,
    error: PhantomData<fn() -> E>,
}

impl<E> TreeDeserializer<E> {
    pub fn new(tree: Tree) -> Self {
        TreeDeserializer {
            tree,
            error: PhantomData,
        }
    }
}

impl<'de, E: de::Error> IntoDeserializer<'de, E> for TreeDeserializer<E> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de, E: de::Error> de::Deserializer<'de> for TreeDeserializer<E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.tree {
            Tree::Bool(b) => visitor.visit_bool(b),
            Tree::Unsigned(n) => visitor.visit_u64(n),
            Tree::Signed(n) => visitor.visit_i64(n),
            Tree::Float(x) => visitor.visit_f64(x),
            Tree::Text(s) => visitor.visit_string(s),
            Tree::Null => visitor.visit_unit(),
            Tree::List(items) => {
                let mut seq = SeqDeserializer::new(items.into_iter().map(Self::new));
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Tree::Table(entries) => {
                let mut map = MapDeserializer::new(
                    entries
                        .into_iter()
                        .map(|(k, v)| (Self::new(k), Self::new(v))),
                );
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.tree {
            Tree::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, E> {
        visitor.visit_newtype_struct(self)
    }

    /// A unit variant is its name; any other is a one-entry table.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, E> {
        match self.tree {
            Tree::Text(s) => visitor.visit_enum(s.into_deserializer()),
            Tree::Table(entries) if entries.len() == 1 => {
                visitor.visit_enum(MapAccessDeserializer::new(MapDeserializer::new(
                    entries
                        .into_iter()
                        .map(|(k, v)| (Self::new(k), Self::new(v))),
                )))
            }
            other => Err(de::Error::invalid_type(
                other.unexpected(),
                &"string or map",
            )),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct T {
        b: u32,
        a: Option<K>,
        c: Vec<i32>,
    }
    #[derive(Debug, serde::Deserialize, PartialEq)]
    #[serde(rename_all = "kebab-case")]
    enum K {
        Mot,
        Hai { x: u8 },
    }

    fn read<X: serde::de::DeserializeOwned>(toml_text: &str) -> Result<X, de::value::Error> {
        let tree: Tree = toml::from_str(toml_text).unwrap();
        X::deserialize(TreeDeserializer::<de::value::Error>::new(tree))
    }

    #[test]
    fn reads_what_the_parser_reads() {
        let text = "b = 1\na = { hai = { x = 2 } }\nc = [1, -2]";
        assert_eq!(read::<T>(text).unwrap(), toml::from_str::<T>(text).unwrap());
        assert_eq!(
            read::<T>("b = 1\na = \"mot\"\nc = []").unwrap().a,
            Some(K::Mot)
        );
    }

    #[test]
    fn meets_the_faults_in_the_files_order() {
        // `z` comes before `b` in the file, after it in the alphabet.
        let e = read::<T>("z = 1\nb = \"x\"\nc = []").unwrap_err();
        assert!(e.to_string().contains("unknown field `z`"), "{e}");
    }
}
