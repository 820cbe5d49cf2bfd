//! What can be wrong with a free table, in both languages: the place (file,
//! field or sheet cell) travels with it in [`crate::Error::Table`].

/// A fault of a table as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableProblem {
    /// A row with another number of cells than the table has columns.
    RowLength { cells: usize, columns: usize },
    /// `"^"` in the first row of the header or of the body.
    NothingAbove { body: bool },
    /// `"<"` in the first column.
    NothingLeft,
    /// Markers that make a merged cell other than a rectangle.
    NotRectangle,
    /// `rong` or `can` with another number of entries than columns.
    Columns {
        key: &'static str,
        given: usize,
        columns: usize,
    },
    /// `{ bang = "x" }` without `[bang.x]`.
    Unknown { name: String, known: Vec<String> },
    /// No rows at all.
    Empty,
    /// `dong_tieu_de` asks for more header rows than the file has rows.
    HeaderRows { asked: usize, rows: usize },
    /// A formula cell without its computed value.
    Formula { formula: String },
    /// A workbook or sheet calamine cannot read (its words).
    Workbook { detail: String },
    /// `trang` names no sheet of the workbook.
    NoSheet { name: String, sheets: Vec<String> },
    /// A workbook without a sheet.
    NoSheets,
    /// A font size out of range.
    FontSize { size: String },
}

impl TableProblem {
    pub fn english(&self) -> String {
        match self {
            TableProblem::RowLength { cells, columns } => format!(
                "this row has {cells} cells but the table has {columns} columns; write one entry per column, \"^\" or \"<\" where a merged cell covers it"
            ),
            TableProblem::NothingAbove { body: true } => "\"^\" (merged with the cell above) in the first body row: the header ends above it; write the text here".into(),
            TableProblem::NothingAbove { body: false } => "\"^\" (merged with the cell above) in the first row: there is no cell above".into(),
            TableProblem::NothingLeft => "\"<\" (merged with the cell on the left) in the first column: there is no cell on the left".into(),
            TableProblem::NotRectangle => "the cells merged by \"^\" and \"<\" here do not make a rectangle".into(),
            TableProblem::Columns { key, given, columns } => format!(
                "`{key}` has {given} entries but the table has {columns} columns"
            ),
            TableProblem::Unknown { name, known } => format!(
                "no table named `{name}`; define it as [bang.{name}]{}",
                if known.is_empty() { String::new() } else { format!(" (tables: {})", known.join(", ")) }
            ),
            TableProblem::Empty => "the table has no rows: give `tieu_de`, `hang` or `tep`".into(),
            TableProblem::HeaderRows { asked, rows } => format!(
                "`dong_tieu_de` asks for {asked} header rows but the file has {rows} rows"
            ),
            TableProblem::Formula { formula } => format!(
                "the formula `={formula}` has no computed value stored; open the workbook in Excel or LibreOffice and save it, so that its values are stored"
            ),
            TableProblem::Workbook { detail } => format!("cannot read the workbook: {detail}"),
            TableProblem::NoSheet { name, sheets } => format!(
                "no sheet named `{name}`; the sheets are {}",
                sheets.join(", ")
            ),
            TableProblem::NoSheets => "the workbook has no sheet".into(),
            TableProblem::FontSize { size } => format!("the font size {size} is not between 6 and 30 points"),
        }
    }

    pub fn vietnamese(&self) -> String {
        match self {
            TableProblem::RowLength { cells, columns } => format!(
                "hàng này có {cells} ô nhưng bảng có {columns} cột; mỗi cột ghi một ô, ô bị gộp ghi \"^\" hoặc \"<\""
            ),
            TableProblem::NothingAbove { body: true } => "\"^\" (gộp với ô bên trên) ở hàng đầu của thân bảng: phía trên là tiêu đề; hãy ghi nội dung vào ô này".into(),
            TableProblem::NothingAbove { body: false } => "\"^\" (gộp với ô bên trên) ở hàng đầu tiên: không có ô nào bên trên".into(),
            TableProblem::NothingLeft => "\"<\" (gộp với ô bên trái) ở cột đầu tiên: không có ô nào bên trái".into(),
            TableProblem::NotRectangle => "các ô gộp bằng \"^\" và \"<\" ở đây không tạo thành hình chữ nhật".into(),
            TableProblem::Columns { key, given, columns } => format!(
                "`{key}` có {given} giá trị nhưng bảng có {columns} cột"
            ),
            TableProblem::Unknown { name, known } => format!(
                "không có bảng nào tên `{name}`; hãy khai báo [bang.{name}]{}",
                if known.is_empty() { String::new() } else { format!(" (các bảng: {})", known.join(", ")) }
            ),
            TableProblem::Empty => "bảng không có hàng nào: hãy ghi `tieu_de`, `hang` hoặc `tep`".into(),
            TableProblem::HeaderRows { asked, rows } => format!(
                "`dong_tieu_de` cần {asked} hàng tiêu đề nhưng tệp chỉ có {rows} hàng"
            ),
            TableProblem::Formula { formula } => format!(
                "công thức `={formula}` chưa có giá trị đã tính; hãy mở bảng tính bằng Excel hoặc LibreOffice rồi lưu lại để giá trị được ghi vào tệp"
            ),
            TableProblem::Workbook { detail } => format!(
                "không đọc được bảng tính (lời của bộ đọc bảng tính: {detail})"
            ),
            TableProblem::NoSheet { name, sheets } => format!(
                "không có trang tính tên `{name}`; các trang tính là {}",
                sheets.join(", ")
            ),
            TableProblem::NoSheets => "bảng tính không có trang tính nào".into(),
            TableProblem::FontSize { size } => format!("cỡ chữ {size} không nằm trong khoảng 6 đến 30 point"),
        }
    }
}
