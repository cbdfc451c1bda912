//! Every fixed word of the page (headings, buttons, column heads, accessible names) in one
//! table, both languages side by side: `ui/` places a [`Label`], it never writes one.

use crate::i18n::Lang;

/// Declares [`Label`], its table of words and [`Label::ALL`] from one list.
macro_rules! labels {
    ($($name:ident => ($zh:expr, $en:expr),)*) => {
        /// A fixed word or phrase of the page.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Label {
            $($name,)*
        }

        impl Label {
            /// Every label, in the table's order.
            pub const ALL: &'static [Label] = &[$(Label::$name,)*];

            /// The words in both languages: (Chinese, English).
            pub fn words(self) -> (&'static str, &'static str) {
                match self {
                    $(Label::$name => ($zh, $en),)*
                }
            }
        }
    };
}

impl Label {
    /// The label in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = self.words();
        lang.pick(zh, en)
    }
}

labels! {
    // The page.
    SwitchLanguage => ("English", "中文"),
    Scenario => ("情景设置", "Scenario"),
    ShowResults => ("查看结果", "Show results"),
    AdjustScenario => ("调整情景", "Adjust the scenario"),
    Results => ("结果", "Results"),
    Computing => ("正在计算……", "Computing…"),
    Outdated => (
        "正在计算新情景……下面仍是上一情景的数字。",
        "Computing the new scenario… the numbers below are still the previous scenario's."
    ),
    FanChartsTitle => ("各指标预测(扇形图)", "Every indicator (fan charts)"),
    AboutInput => ("关于此链接或输入:", "About this link or input:"),
    Dismiss => ("知道了", "Dismiss"),
    // Controls.
    YourSetting => ("您的设定", "your setting"),
    ThisIsYourSetting => ("这是您的设定", "this is your setting"),
    PlanDefault => ("规划默认值:", "default: "),
    ResetPrefix => ("恢复:", "reset: "),
    PresetBadge => ("预设", "preset"),
    Assumptions => ("假设参数", "Assumptions"),
    AssumptionsIntro => (
        "规划未给出的数字。每项都有默认值和理由,可以修改;修改会写入链接。",
        "Numbers the plan does not give. Each has a default and a reason, and can be changed; changes go into the link."
    ),
    ResetAllAssumptions => ("全部恢复默认", "Reset all to defaults"),
    Observed => ("已发生年份的实际值", "What has happened: observed years"),
    ObservedIntro => (
        "填入统计公报等来源的实际值:每条路径都经过这些值,概率即“已知这些年份之后”的概率。同一指标须从 2021 年起逐年填写。链接只保存数字,来源随保存的情景和文件保存。",
        "Enter what was observed (from the statistical bulletin or another source): every path goes through these values, so the odds are those given what has happened. A series is read from 2021 on, year by year. The link keeps the numbers; the sources are kept with saved scenarios and files."
    ),
    ObservationSource => ("来源", "source"),
    ClearObservations => ("清除全部实际值", "Clear all observations"),
    CompareObservations => ("比较:实际值改变了什么", "Compare: what the observed years changed"),
    ObservedPoint => ("实际值", "observed"),
    OwnName => ("名称", "Name"),
    OwnSeries => ("指标", "Series"),
    OwnRule => ("规则", "Rule"),
    OwnYears => ("年份或区间", "Year or span"),
    OwnThreshold => ("阈值", "Threshold"),
    OwnWording => ("表述(可选)", "Wording (optional)"),
    AddTarget => ("添加目标", "Add the target"),
    Remove => ("删除", "remove"),
    OwnBadge => ("自定", "yours"),
    PrerenderOther => ("正在载入模拟器,计算此链接的情景……", "Loading the simulator to compute this link's scenario…"),
    PrerenderLoading => (
        "默认情景的结果(构建时预先算好);模拟器正在载入……",
        "The default scenario's results (computed when the site was built); the simulator is loading…"
    ),
    JointOfPlan => ("规划十项", "The plan's ten"),
    JointOfOwn => ("自定目标", "My targets"),
    Default => ("默认", "default"),
    ResetToDefaultPrefix => ("恢复默认:", "reset to default: "),
    PresetScenarios => ("情景预设", "Preset scenarios"),
    Modified => ("(已修改)", " (modified)"),
    ResetToPreset => ("全部恢复为预设值", "reset every slider to the preset"),
    BaseValues => ("规划基数", "The plan's base values"),
    PinAsA => ("固定为 A,对比后续改动", "Pin as A to compare"),
    UntilPinned => (
        "未固定 A 时,每项变化都与规划情景对比。",
        "Until you pin A, every change is measured against the plan's scenario."
    ),
    BIsNow => ("B = 当前设置", "B = the settings now"),
    PinAgain => ("以当前设置为新的 A", "Pin these settings as A"),
    Unpin => ("取消对比", "Unpin"),
    // Results.
    TargetColumn => ("规划目标(原文)", "Target (the plan's words)"),
    RuleColumn => ("判定方法", "How it is judged"),
    ChanceColumn => ("实现概率 ± 误差范围", "Chance met ± margin"),
    VerdictColumn => ("判断", "Verdict"),
    PlanText => ("原文", "original (Chinese)"),
    PlanTextPrefix => ("原文:", "original (Chinese): "),
    Distribution => ("分布", "distribution"),
    DistributionPrefix => ("分布:", "distribution: "),
    TargetShort => ("目标", "Target"),
    DeltaPointsColumn => ("变化 ± 误差", "Δ ± margin"),
    ChanceShortColumn => ("概率 ± 误差", "Chance ± margin"),
    StripLabel => ("十项目标的实现概率", "The ten targets' chances"),
    TogetherRegion => ("目标同时实现", "Targets met together"),
    TogetherTitle => ("同时实现几项?", "How many targets together?"),
    TogetherBars => (
        "实现目标项数的分布(0 至 10 项,各占路径比例)",
        "Distribution of the number of targets met (0 to 10, share of paths)"
    ),
    AllTenMet => ("全部 10 项都实现", "All 10 met"),
    ExpectedMet => ("预期实现项数", "Expected number met"),
    TogetherNote => (
        "下行年份会同时拖累多项目标,因此“全部实现”的概率低于各项概率相乘的直觉。",
        "A downturn year hits several targets at once, so the targets tend to fail together."
    ),
    ThePlansText => ("规划原文", "The plan's text"),
    CloseEsc => ("关闭(Esc)", "Close (Esc)"),
    // Charts.
    DataTable => ("数据表", "Data table"),
    DownloadChart => ("下载此图", "Download this chart"),
    Download => ("下载", "Download"),
    // Briefing.
    ExportAndShare => ("导出与分享", "Export and share"),
    CopyLink => ("复制链接", "Copy link"),
    EmbedButton => ("嵌入网页", "Embed…"),
    CsvByYear => ("CSV:逐年统计", "CSV: by year"),
    CsvTargets => ("CSV:目标表", "CSV: targets"),
    PrintBriefing => ("打印简报", "Print briefing"),
    LinkCopied => ("✓ 链接已复制", "✓ Link copied"),
    CopyFailed => ("无法复制:请从地址栏复制链接", "Could not copy: copy the link from the address bar"),
    EmbedTitle => ("嵌入到其他网页", "Embed in another page"),
    Close => ("关闭", "Close"),
    Piece => ("内容", "Piece"),
    Width => ("宽", "Width"),
    Height => ("高", "Height"),
    PasteSnippet => ("把这段代码粘贴到简报网页中:", "Paste this into the briefing's page:"),
    CopyCode => ("复制代码", "Copy the code"),
    Copied => ("✓ 已复制", "✓ Copied"),
    EmbedHint => (
        "嵌入的图表会通过 postMessage 向所在网页报告结果,也可由所在网页切换情景(见 docs/EMBED.md)。",
        "The embedded piece reports its results to the page around it with postMessage, and that page can change its scenario (see docs/EMBED.md)."
    ),
    PreviewPrefix => ("预览:", "Preview: "),
    DownloadTargetsCsv => ("下载目标表 CSV", "Download the targets as CSV"),
    LinkShort => ("链接", "Link"),
    OpenFullTitle => ("在完整模拟器中打开同一情景", "Open the same scenario in the full simulator"),
    OpenFull => ("完整模拟器 ↗", "Full simulator ↗"),
    BriefingSuffix => (" · 情景简报", " · scenario briefing"),
    // Decisions.
    WhichLever => ("哪个因素影响最大?", "Which lever matters most?"),
    For => ("看:", "For: "),
    RunFullAnalysis => ("运行完整分析", "Run the full analysis"),
    LeversOnly => (
        "调控因素与假设的 2020 年基数;点“运行完整分析”可加入其余各项假设。",
        "Levers and the assumed 2020 bases; “Run the full analysis” adds the other assumptions."
    ),
    AssumedBase => ("假设的基数", "assumed base"),
    AssumedBaseTitle => (
        "规划未给出这一 2020 年水平,它是由目标推定的假设:相应目标的概率主要取决于它",
        "the plan gives no such 2020 level; it is an assumption inferred from the target, and that target's chance rests mostly on it"
    ),
    EveryLeverAndAssumption => (
        "全部调控因素与假设,各下调、上调一档(档距见模型说明)。",
        "Every lever and assumption, one documented step down and up."
    ),
    PairedNote => (
        "与当前情景使用相同的随机数,差值旁为两者之差的误差范围。",
        " The same random numbers as the scenario on screen; ± is the margin of the difference."
    ),
    Parameter => ("参数", "Parameter"),
    StepDown => ("下调一档", "One step down"),
    StepUp => ("上调一档", "One step up"),
    AtLimit => ("已到范围边界", "at its limit"),
    Try => ("试", "try"),
    Apply => ("应用", "Apply"),
    LeverKind => ("调控", "lever"),
    AssumptionKind => ("假设", "assumption"),
    StillPrefix => ("一档之内不改变任何路径的结果:", "Changes no path's result within a step: "),
    WhatDoesItTake => ("需要多大力度?", "What does it take?"),
    TargetPrefix => ("目标:", "Target: "),
    AtLeastTargets => ("至少(项)", "at least (targets)"),
    ChanceAtLeast => ("概率至少(%)", "chance at least (%)"),
    LeverPrefix => ("调控因素:", "Lever: "),
    Find => ("求解", "Find"),
    EachLeverAlone => ("每个因素各需多少", "Each lever alone"),
    AskedPrefix => ("要求:", "Asked: "),
    RunsDone => ("已完成运行 ", "runs done "),
    NotMonotone => (
        "(模型不保证单调:这是一个能达到的值,未必是最近的。)",
        " (The model does not guarantee monotonicity here: this value reaches it, but a nearer one might too.)"
    ),
    // Saved scenarios.
    SavedScenarios => ("已保存的情景", "Saved scenarios"),
    NotLasting => (
        "此浏览器不允许本地存储:保存的情景在关闭页面后丢失,请导出文件保留。",
        "This browser does not allow local storage: saved scenarios last until the page is closed; export them to keep them."
    ),
    Name => ("名称", "Name"),
    Save => ("保存", "Save"),
    SavePair => ("保存 A/B", "Save A/B"),
    Unreadable => (
        "以下已保存的情景无法读取,已跳过(其余照常):",
        "These saved scenarios could not be read and were skipped (the others load):"
    ),
    OpenedWithNote => ("以下情景已打开,但请留意:", "These opened, with something to note:"),
    ExportAll => ("导出全部(JSON)", "Export all (JSON)"),
    ImportFile => ("导入文件:", "Import a file: "),
    Open => ("打开", "open"),
    Rename => ("重命名", "rename"),
    Delete => ("删除", "delete"),
    NewName => ("新名称:", "New name:"),
    NameTaken => ("此名称已被使用。要替换吗?", "That name is taken. Replace it?"),
}
