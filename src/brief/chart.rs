//! The briefing's charts in characters: bars cut in eighths of a cell, and a sparkline, for
//! the console and the text format alike.

/// Partial blocks, by eighths of a cell.
const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/// A bar of `value` out of `max` in `width` cells (at least a sliver for any value above 0).
pub fn bar(value: u64, max: u64, width: usize) -> String {
    if max == 0 || width == 0 || value == 0 {
        return String::new();
    }
    let eighths = (value.saturating_mul(width as u64 * 8) + max / 2) / max;
    let eighths = (eighths.max(1) as usize).min(width * 8);
    let mut out = "█".repeat(eighths / 8);
    out.push_str(EIGHTHS[eighths % 8]);
    out
}

/// A sparkline in block characters, one per value, scaled to the largest; a day with nothing
/// is blank.
pub fn spark_text(values: &[u64]) -> String {
    const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = values.iter().copied().max().unwrap_or(0);
    values
        .iter()
        .map(|&v| {
            if max == 0 || v == 0 {
                ' '
            } else {
                // 1..=8 eighths of the highest, the lowest block for the least above nothing.
                let i = v.saturating_mul(8).div_ceil(max).max(1) - 1;
                BLOCKS[(i as usize).min(7)]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_is_cut_in_eighths_with_a_sliver_for_any_value() {
        assert_eq!(bar(4, 4, 5), "█████");
        assert_eq!(bar(2, 4, 5), "██▌");
        assert_eq!(bar(1, 100, 5), "▏");
        assert_eq!(bar(0, 4, 5), "");
        assert_eq!(bar(3, 0, 5), "");
        assert_eq!(bar(9, 4, 2), "██", "never longer than its room");
    }

    #[test]
    fn the_sparkline_scales_to_the_highest_day_and_leaves_empty_days_blank() {
        assert_eq!(spark_text(&[0, 1, 2, 4, 8]), " ▁▂▄█");
        assert_eq!(spark_text(&[0, 0]), "  ");
        assert_eq!(spark_text(&[]), "");
        assert_eq!(spark_text(&[1000, 1]).chars().last(), Some('▁'));
    }
}
