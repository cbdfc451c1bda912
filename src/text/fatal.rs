//! The words of the error view that takes the page's place after a failure it cannot recover
//! from (a panic): both languages at once, Chinese first, since the state that knew the chosen
//! language is gone.

/// One language's words of the error view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FatalWords {
    pub title: &'static str,
    pub explanation: &'static str,
    /// The link back to the plan's scenario (the address without its fragment).
    pub reset: &'static str,
    /// The link that loads the same address again.
    pub reload: &'static str,
    /// The summary of the technical details.
    pub details: &'static str,
}

pub const FATAL_WORDS: [FatalWords; 2] = [
    FatalWords {
        title: "模拟器遇到内部错误,已停止",
        explanation: "页面的计算出了问题,显示的数字可能不完整,因此已全部隐藏。已保存的情景不受影响。",
        reset: "重置:打开规划的默认情景",
        reload: "按当前链接重新加载",
        details: "技术细节(反馈问题时请附上)",
    },
    FatalWords {
        title: "The simulator hit an internal error and stopped",
        explanation: "Something went wrong in the page's computation; the numbers on screen could be incomplete, so they are hidden. Saved scenarios are not affected.",
        reset: "Reset: open the plan's default scenario",
        reload: "Reload this link",
        details: "Technical details (please include them when reporting the problem)",
    },
];

/// At most this many characters of a panic's message are shown: enough to report it.
pub const DETAIL_LIMIT: usize = 2_000;

/// The technical detail shown for a panic's message: cut to [`DETAIL_LIMIT`] characters.
pub fn fatal_detail(message: &str) -> String {
    let mut detail: String = message.chars().take(DETAIL_LIMIT).collect();
    if message.chars().count() > DETAIL_LIMIT {
        detail.push('…');
    }
    detail
}
