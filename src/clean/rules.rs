//! The catalogue of built-in rules: stable ids, names, categories and descriptions shown to people.

/// What kind of junk a rule removes (for grouping in lists and documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// Page structure: repeated titles and lines.
    Structure,
    /// Photo credits and captions.
    Media,
    /// Advertising markers.
    Ads,
    /// Share, follow, subscribe and newsletter prompts.
    Social,
    /// Read-more and related-story teasers.
    Teasers,
    /// Copyright, syndication and wire-credit footers.
    Footers,
    /// Cookie and consent notices.
    Consent,
    /// Bylines, timestamps and counters.
    Metadata,
    /// Menus and footers of whole-page text.
    Navigation,
    /// Broken encodings and escapes.
    Encoding,
    /// Invisible characters and spacing.
    Whitespace,
    /// Lines recurring across the open corpus.
    Corpus,
}

impl Category {
    /// The name shown in lists.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Structure => "structure",
            Self::Media => "media",
            Self::Ads => "ads",
            Self::Social => "social",
            Self::Teasers => "teasers",
            Self::Footers => "footers",
            Self::Consent => "consent",
            Self::Metadata => "metadata",
            Self::Navigation => "navigation",
            Self::Encoding => "encoding",
            Self::Whitespace => "whitespace",
            Self::Corpus => "corpus",
        }
    }
}

/// A built-in rule's identity and documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// Stable id, recorded as the `origin` of every edit the rule proposes.
    pub id: &'static str,
    /// Short human name.
    pub name: &'static str,
    /// Kind of junk.
    pub category: Category,
    /// What the rule removes and what it keeps.
    pub description: &'static str,
}

/// Id of the duplicated-title rule.
pub const DUPLICATE_TITLE: &str = "duplicate-title";
/// Id of the repeated-short-line rule.
pub const REPEATED_LINE: &str = "repeated-line";
/// Id of the photo credit and caption rule.
pub const PHOTO_CREDIT: &str = "photo-credit";
/// Id of the hover-card rule.
pub const HOVER_CARD: &str = "hover-card";
/// Id of the advertising-marker rule.
pub const AD_MARKER: &str = "ad-marker";
/// Id of the share/follow/subscribe rule.
pub const SHARE_SUBSCRIBE: &str = "share-subscribe";
/// Id of the read-more/related rule.
pub const READ_MORE: &str = "read-more";
/// Id of the copyright/syndication footer rule.
pub const COPYRIGHT_FOOTER: &str = "copyright-footer";
/// Id of the cookie/consent rule.
pub const COOKIE_NOTICE: &str = "cookie-notice";
/// Id of the comment-counter rule.
pub const COMMENT_COUNTER: &str = "comment-counter";
/// Id of the byline rule.
pub const BYLINE: &str = "byline";
/// Id of the timestamp rule.
pub const TIMESTAMP: &str = "timestamp";
/// Id of the author box and bio rule.
pub const AUTHOR_BIO: &str = "author-bio";
/// Id of the contact footer rule.
pub const CONTACT_FOOTER: &str = "contact-footer";
/// Id of the whole-page navigation rule.
pub const PAGE_BOILERPLATE: &str = "page-boilerplate";
/// Id of the mojibake repair rule.
pub const MOJIBAKE: &str = "mojibake";
/// Id of the HTML entity rule.
pub const HTML_ENTITY: &str = "html-entity";
/// Id of the invisible-character rule.
pub const INVISIBLE_CHARS: &str = "invisible-chars";
/// Id of the non-breaking-space rule.
pub const NBSP: &str = "nbsp";
/// Id of the doubled/trailing spaces rule.
pub const SPACES: &str = "spaces";
/// Id of the blank-line-run rule.
pub const BLANK_LINES: &str = "blank-lines";
/// Id of the corpus evidence rule.
pub const CORPUS_BOILERPLATE: &str = "corpus-boilerplate";

/// Every built-in rule, in the order the pipeline consults them.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: DUPLICATE_TITLE,
        name: "Duplicated title",
        category: Category::Structure,
        description: "A line that repeats the first line of the text (the title printed twice).",
    },
    RuleInfo {
        id: REPEATED_LINE,
        name: "Repeated line",
        category: Category::Structure,
        description: "A sentence line (10 to 80 words) already seen earlier in the same text: gallery captions \
                      and pull quotes printed twice. The first copy stays; repeated list items and labels stay.",
    },
    RuleInfo {
        id: PHOTO_CREDIT,
        name: "Photo credit or caption",
        category: Category::Media,
        description: "Lines such as `© Getty Images`, `Photo: … / AP`, `Image caption …`, `Credit…`, and \
                      caption lines ending in a photo credit like `(AP Photo/…)`, short captions that place people in the \
                      picture (`…, left, and …`, `(left)`, `…, pictured at …`, `[File: …]`), and illustration \
                      and photography credits (`Illustration by Sam Whitfield`, `Photography by Tom Ash`).",
    },
    RuleInfo {
        id: HOVER_CARD,
        name: "Hover card",
        category: Category::Ads,
        description: "The Hill-style name cards glued to a name: `James MattisJames Norman Mattis…MORE` \
                      becomes `James Mattis`; also when a space or a line break separates the card from the name.",
    },
    RuleInfo {
        id: AD_MARKER,
        name: "Advertising marker",
        category: Category::Ads,
        description: "`ADVERTISEMENT`, `Story continues below advertisement`, `Continue reading the main story`, \
                      `Media playback is unsupported on your device`… alone on a line or glued into one (also \
                      `ADVERTISEMENT` glued to the next sentence: `Monday.ADVERTISEMENTThe minister`); player, \
                      caption and sponsor labels (`Listen to this article`, `Listen (4 min)`, `Video Ad Feedback`, \
                      `Now Playing`, `Show Caption`, `Promoted Stories`); page controls (`Print this page`, `Copy \
                      link`, `Gift this article`, `Was this article helpful?`, `Follow Us`, `Bookmark`), sign-up form \
                      messages (`Invalid email`), press-release labels \
                      (`FOR IMMEDIATE RELEASE`, `Notes to editors`) and ticker quotes alone (`AAPL 189.20 +1.2%`); \
                      `Please enable JavaScript to view this content.`; navigation links (`Skip to main \
                      content`, `Back to top`) and short sponsor credits; video player widgets (`Embed … Copy this \
                      code to your website`, `Autoplay: On | Off`). Prose about advertising and one-word sentences (`Close.`) stay.",
    },
    RuleInfo {
        id: SHARE_SUBSCRIBE,
        name: "Share, follow, subscribe",
        category: Category::Social,
        description: "Share bars (`Facebook Twitter Email`), `Follow us on…`, newsletter sign-up prompts \
                      (`Never miss a story…`; a saying with `…, the fishermen say.` stays), paywall notices \
                      (`You have reached your limit of free articles`, `Already a subscriber? Log in`), newsroom \
                      tip requests with an email address (`Have a news tip? Email …`), `Like this:` widgets.",
    },
    RuleInfo {
        id: READ_MORE,
        name: "Read more / Related",
        category: Category::Teasers,
        description: "`Read more:`, `Related:` and `[Related: …]` teaser lines and RELATED blocks of headlines; \
                      authors' promotions (`To read more from …, visit …`). A sentence that starts \
                      `Read more about…` stays, and so does a sentence after the label (`Related: her sister won \
                      in 1989.`).",
    },
    RuleInfo {
        id: COPYRIGHT_FOOTER,
        name: "Copyright and syndication footer",
        category: Category::Footers,
        description: "The AP notice, `© 2019 …`, `All rights reserved`, `This article originally appeared on …`, \
                      `(Reporting by …; Editing by …)` with or without brackets, `… contributed reporting`, `… \
                      contributed to this report`, `(With inputs from PTI)`, `This article was amended on …`, \
                      `The views expressed … are those of the author`, `This article is from the autumn issue of …`, \
                      `Our Standards: …` notes.",
    },
    RuleInfo {
        id: COOKIE_NOTICE,
        name: "Cookie or consent notice",
        category: Category::Consent,
        description: "`This website uses cookies…`, `By continuing to use…`, terms and privacy notices addressed \
                      to the reader, and consent panels of any length that name cookies and the site or browser.",
    },
    RuleInfo {
        id: COMMENT_COUNTER,
        name: "Comment counter",
        category: Category::Metadata,
        description: "`12 Comments`, `Comments (3)`, `Leave a comment`, `4 thoughts on \"…\"`, lone numbers, and \
                      comment-form labels and notices (`Reply`, `Save my name, email, and website…`, `Notify me of…`).",
    },
    RuleInfo {
        id: BYLINE,
        name: "Byline",
        category: Category::Metadata,
        description: "`By Jane Doe - 11/19/19 06:56 AM EST`, `Jane Doe, Associated Press`, `Jane Doe Reuters`; \
                      staff and agency bylines alone (`Staff Reporter`, `Web Desk`, `THE CANADIAN PRESS`) and a \
                      reporter's job title under a byline (`Local Democracy Reporter`).",
    },
    RuleInfo {
        id: TIMESTAMP,
        name: "Timestamp",
        category: Category::Metadata,
        description: "`Updated 9:38 pm`, `Published November 19, 2019`, lines made only of a date and time, \
                      reading times (`5 min read`, a bare `5 min`), and age banners (`This article is more \
                      than 2 years old`).",
    },
    RuleInfo {
        id: AUTHOR_BIO,
        name: "Author box or bio",
        category: Category::Metadata,
        description: "At the end of a text: an `About Lena Park` / `Sobre …` / `About the author` header with at most \
                      two lines under it, and one-line bios such as `Lena Park is a reporter for The Harbor Daily.`",
    },
    RuleInfo {
        id: CONTACT_FOOTER,
        name: "Contact footer",
        category: Category::Footers,
        description: "Short lines with a phone or fax number next to its label (`Phone: …`, `… tel | … fax`) that \
                      are not sentences.",
    },
    RuleInfo {
        id: PAGE_BOILERPLATE,
        name: "Page navigation and footers",
        category: Category::Navigation,
        description: "In whole-page text (many short lines), everything outside the densest block of prose: \
                      menus, footers, teaser lists. Judged with jusText-like length and stop-word classes; runs of \
                      furniture cost double, so a teaser list cuts the main text off from what follows it.",
    },
    RuleInfo {
        id: MOJIBAKE,
        name: "Mojibake",
        category: Category::Encoding,
        description: "UTF-8 read as Windows-1252 or Latin-1 (`donâ€™t` → `don’t`, `cafÃ©` → `café`), a `â€` \
                      whose third byte was lost (→ `”`), a lone `Â` left by a no-break space, and stray C1 control \
                      characters.",
    },
    RuleInfo {
        id: HTML_ENTITY,
        name: "HTML entity",
        category: Category::Encoding,
        description: "`&amp;`, `&#39;`, `&nbsp;`… left in text become the characters they stand for; an entity \
                      encoded twice (`&amp;quot;`) is decoded in one repair, and one for an invisible character \
                      (`&#65279;`) leaves nothing.",
    },
    RuleInfo {
        id: INVISIBLE_CHARS,
        name: "Invisible characters",
        category: Category::Whitespace,
        description: "Zero-width spaces, word joiners, stray byte-order marks, soft hyphens and control \
                      characters (joiners inside emoji and scripts stay).",
    },
    RuleInfo {
        id: NBSP,
        name: "Non-breaking space",
        category: Category::Whitespace,
        description: "U+00A0 becomes a plain space.",
    },
    RuleInfo {
        id: SPACES,
        name: "Doubled and trailing spaces",
        category: Category::Whitespace,
        description: "Runs of spaces inside a line become one; spaces at the end of a line go.",
    },
    RuleInfo {
        id: BLANK_LINES,
        name: "Blank-line runs",
        category: Category::Whitespace,
        description: "Two or more blank lines in a row become one.",
    },
    RuleInfo {
        id: CORPUS_BOILERPLATE,
        name: "Corpus boilerplate",
        category: Category::Corpus,
        description: "Lines that recur across many documents of the open corpus (RefinedWeb/FineWeb-style line \
                      deduplication); the reason gives the count.",
    },
];

/// The catalogue entry of a built-in rule.
pub fn info(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_documented() {
        for (i, r) in RULES.iter().enumerate() {
            assert!(RULES[..i].iter().all(|o| o.id != r.id), "duplicate id {}", r.id);
            assert!(!r.description.is_empty() && !r.name.is_empty());
        }
        assert_eq!(info(HOVER_CARD).map(|r| r.category), Some(Category::Ads));
        assert!(info("no-such-rule").is_none());
    }
}
