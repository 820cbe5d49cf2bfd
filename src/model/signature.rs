use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::fields::Text;

/// How the signer signs: the authority line's abbreviation differs by thể thức
/// (Party "T/M", state "TM."), so the input names the meaning and the profile
/// supplies the spelling. The spellings themselves are accepted too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Authority {
    /// Thay mặt: on behalf of a collective body.
    #[serde(rename = "thay-mat", alias = "T/M", alias = "TM.", alias = "TM")]
    ThayMat,
    /// Ký thay: signing for the head.
    #[serde(rename = "ky-thay", alias = "K/T", alias = "KT.", alias = "KT")]
    KyThay,
    /// Thừa lệnh: by order of.
    #[serde(rename = "thua-lenh", alias = "T/L", alias = "TL.", alias = "TL")]
    ThuaLenh,
    /// Quyền: acting head.
    #[serde(rename = "quyen", alias = "Q.", alias = "Q")]
    Quyen,
}

// The derive would not list serde's aliases, which documents use ("T/M").
impl schemars::JsonSchema for Authority {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Authority".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "How the signer signs: thay-mat (T/M, TM.), ky-thay (K/T, KT.), thua-lenh (T/L, TL.), quyen (Q.)",
            "type": "string",
            "enum": ["thay-mat", "T/M", "TM.", "TM", "ky-thay", "K/T", "KT.", "KT",
                     "thua-lenh", "T/L", "TL.", "TL", "quyen", "Q.", "Q"]
        })
    }
}

/// The signature block (ô 7a–7c), printed bottom right.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    #[serde(default)]
    pub hinh_thuc: Option<Authority>,
    /// The collective or head signed for ("Đảng ủy", "Ban Thường vụ").
    #[serde(default)]
    pub thay_mat: Option<Text>,
    pub chuc_vu: Text,
    pub ho_ten: Text,
    /// The signature image of an electronically signed copy (a transparent
    /// PNG, relative to the document), centred between position and name.
    #[serde(default)]
    pub anh_chu_ky: Option<PathBuf>,
    /// The seal image (a transparent PNG), over the left third of the signature.
    #[serde(default)]
    pub anh_dau: Option<PathBuf>,
}
