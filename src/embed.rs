//! The pieces of the page that can be shown alone in someone else's page: `embed=<id>` in a
//! link (`docs/EMBED.md`). One table, [`EmbedPiece::ALL`]; ids, labels and the dialog's list are
//! derived from it.

use crate::plan::SeriesId;

/// A piece of the page shown alone, filling its iframe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EmbedPiece {
    /// The targets table, with the chances and, when A is pinned, A, B and Δ.
    Targets,
    /// The comparison with A (or with the plan's scenario while nothing is pinned): what moved,
    /// and each target's Δ with its paired standard error.
    Compare,
    /// The distribution of the selected target's judged value.
    Histogram,
    /// One series' fan chart.
    Fan(SeriesId),
}

impl EmbedPiece {
    /// Every piece, in the order the embed dialog lists them.
    pub const ALL: [EmbedPiece; 13] = [
        EmbedPiece::Targets,
        EmbedPiece::Compare,
        EmbedPiece::Histogram,
        EmbedPiece::Fan(SeriesId::Gdp),
        EmbedPiece::Fan(SeriesId::IncomeIndex),
        EmbedPiece::Fan(SeriesId::GdpPerCapita),
        EmbedPiece::Fan(SeriesId::HighTech),
        EmbedPiece::Fan(SeriesId::Air),
        EmbedPiece::Fan(SeriesId::GreenRatio),
        EmbedPiece::Fan(SeriesId::GreenCover),
        EmbedPiece::Fan(SeriesId::Preschool),
        EmbedPiece::Fan(SeriesId::CultureStar),
        EmbedPiece::Fan(SeriesId::CultureTrip),
    ];

    /// The id in `embed=`: `targets`, `compare`, `histogram`, or a series' key for its fan chart.
    pub fn key(self) -> &'static str {
        match self {
            EmbedPiece::Targets => "targets",
            EmbedPiece::Compare => "compare",
            EmbedPiece::Histogram => "histogram",
            EmbedPiece::Fan(series) => series.key(),
        }
    }

    pub fn from_key(key: &str) -> Option<EmbedPiece> {
        EmbedPiece::ALL.into_iter().find(|piece| piece.key() == key)
    }

    /// Whether the piece is a chart (it can be downloaded as PNG and SVG).
    pub fn is_chart(self) -> bool {
        matches!(self, EmbedPiece::Histogram | EmbedPiece::Fan(_))
    }
}
