//! The plan's chapters and sections, so that a number is cited as an official would cite it.

/// A heading of the plan: the chapter and section that start at `line` of the plan text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    pub line: u32,
    pub chapter: u8,
    pub section: u8,
    pub title_zh: &'static str,
}

/// The sections of the plan that hold the numbers the simulator uses, by their first line, so
/// that a number is cited as an official would cite it (第一章第五节), not by a line of a file.
pub const SECTIONS: [Section; 8] = [
    Section {
        line: 19,
        chapter: 1,
        section: 1,
        title_zh: "发展基础",
    },
    Section {
        line: 57,
        chapter: 1,
        section: 3,
        title_zh: "2035 年远景目标",
    },
    Section {
        line: 103,
        chapter: 1,
        section: 5,
        title_zh: "“十四五”发展目标",
    },
    Section {
        line: 145,
        chapter: 2,
        section: 2,
        title_zh: "加快高新技术企业集聚",
    },
    Section {
        line: 373,
        chapter: 5,
        section: 4,
        title_zh: "美化城区生态景观",
    },
    Section {
        line: 393,
        chapter: 6,
        section: 1,
        title_zh: "促进充分就业提高居民收入",
    },
    Section {
        line: 443,
        chapter: 6,
        section: 4,
        title_zh: "完善社会保障体系",
    },
    Section {
        line: 467,
        chapter: 7,
        section: 1,
        title_zh: "打造特色闽都文化城区",
    },
];

/// The section a line of the plan text stands in (the last heading at or before it).
pub fn section_of(line: u32) -> Section {
    SECTIONS
        .iter()
        .rev()
        .find(|section| section.line <= line)
        .copied()
        .unwrap_or(SECTIONS[0])
}

/// Chinese numerals for chapter and section numbers (1 … 10).
fn numeral(n: u8) -> &'static str {
    [
        "", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    ]
    .get(n as usize)
    .copied()
    .unwrap_or("")
}

impl Section {
    /// 第一章第五节“十四五”发展目标
    pub fn cite_zh(&self) -> String {
        format!(
            "第{}章第{}节{}",
            numeral(self.chapter),
            numeral(self.section),
            self.title_zh
        )
    }

    /// chapter 1, section 5
    pub fn cite_en(&self) -> String {
        format!("chapter {}, section {}", self.chapter, self.section)
    }
}
