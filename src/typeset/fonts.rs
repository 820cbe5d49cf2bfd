use std::path::Path;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

use crate::error::Error;

/// The fonts compiled into the binary: Liberation Serif 2.1.5 (SIL OFL 1.1),
/// metric-compatible with Times New Roman, covering all Vietnamese letters.
const EMBEDDED: [&[u8]; 4] = [
    include_bytes!("../../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../fonts/LiberationSerif-BoldItalic.ttf"),
];

/// The only fonts Typst may use: the embedded set plus a user's directory,
/// never the system's, so a document looks the same on every machine.
pub struct FontSet {
    pub book: LazyHash<FontBook>,
    pub fonts: Vec<Font>,
}

impl FontSet {
    pub fn embedded() -> Self {
        Self::from_data(EMBEDDED.iter().map(|d| Bytes::new(*d)))
    }

    /// The embedded fonts plus every font file in `dir` (searched recursively).
    /// A user's fonts come first, so their Times New Roman is found before ours.
    pub fn with_dir(dir: &Path) -> Result<Self, Error> {
        let mut data = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            let entries = std::fs::read_dir(&d).map_err(|source| Error::FontRead {
                file: d.clone(),
                source,
            })?;
            let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
            // Sorted, so the font order (and the output) does not depend on the file system.
            paths.sort();
            for path in paths {
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let ext = path
                    .extension()
                    .and_then(|e| e.to_str())
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if matches!(ext.as_str(), "ttf" | "otf" | "ttc" | "otc") {
                    let bytes = std::fs::read(&path).map_err(|source| Error::FontRead {
                        file: path.clone(),
                        source,
                    })?;
                    data.push(Bytes::new(bytes));
                }
            }
        }
        let user = Self::from_data(data);
        if user.fonts.is_empty() {
            return Err(Error::NoFontIn {
                dir: dir.to_path_buf(),
            });
        }
        let mut all = user.fonts;
        all.extend(Self::embedded().fonts);
        Ok(Self::from_fonts(all))
    }

    fn from_data(data: impl IntoIterator<Item = Bytes>) -> Self {
        Self::from_fonts(data.into_iter().flat_map(Font::iter).collect())
    }

    fn from_fonts(fonts: Vec<Font>) -> Self {
        let book = FontBook::from_fonts(&fonts);
        FontSet {
            book: LazyHash::new(book),
            fonts,
        }
    }

    /// The first of `families` that is present (family names compare case-insensitively).
    pub fn first_family<'a>(&self, families: &'a [String]) -> Option<&'a str> {
        families
            .iter()
            .find(|f| self.family_fonts(f).next().is_some())
            .map(|s| s.as_str())
    }

    fn family_fonts<'a>(&'a self, family: &'a str) -> impl Iterator<Item = &'a Font> + 'a {
        let want = family.to_lowercase();
        self.fonts
            .iter()
            .filter(move |f| f.info().family.to_lowercase() == want)
    }

    /// Whether every face of `family` can draw `c`.
    pub fn covers(&self, family: &str, c: char) -> bool {
        let mut faces = self.family_fonts(family).peekable();
        faces.peek().is_some() && faces.all(|f| f.info().coverage.contains(c as u32))
    }

    /// Family names, for `vanban fonts` and error messages.
    pub fn families(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for f in &self.fonts {
            if !names.contains(&f.info().family) {
                names.push(f.info().family.clone());
            }
        }
        names
    }
}
