//! A window of rows over a list that may hold millions: rows come in chunks read by keyset
//! from whichever edge the selection approaches, and the window never holds more than
//! [`WINDOW`] rows, so neither memory nor the cost of a frame grows with the data.
use crate::domain::{Keyed, PageRequest, SortKey};

/// Rows read at a time.
pub const CHUNK: usize = 64;
/// Most rows kept in memory for one list.
pub const WINDOW: usize = 4 * CHUNK;

/// A move of the selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
}

impl Nav {
    /// Where the selection of a short list read whole (of `len` rows, `page` to a screen) goes
    /// from `selected`.
    pub fn within(self, selected: usize, len: usize, page: usize) -> usize {
        let last = len.saturating_sub(1);
        match self {
            Nav::Up => selected.saturating_sub(1),
            Nav::Down => (selected + 1).min(last),
            Nav::PageUp => selected.saturating_sub(page.max(1)),
            Nav::PageDown => (selected + page.max(1)).min(last),
            Nav::Home => 0,
            Nav::End => last,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Paged<T> {
    rows: Vec<T>,
    selected: usize,
    offset: usize,
    at_start: bool,
    at_end: bool,
    loaded: bool,
}

impl<T> Default for Paged<T> {
    fn default() -> Self {
        Paged {
            rows: Vec::new(),
            selected: 0,
            offset: 0,
            at_start: true,
            at_end: true,
            loaded: false,
        }
    }
}

impl<T: Keyed> Paged<T> {
    pub fn rows(&self) -> &[T] {
        &self.rows
    }

    pub fn is_loaded(&self) -> bool {
        self.loaded
    }

    pub fn selected(&self) -> Option<&T> {
        self.rows.get(self.selected)
    }

    pub fn selected_index(&self) -> usize {
        self.selected
    }

    /// The first row to show in a viewport of `height` rows, keeping the selection visible.
    pub fn offset_for(&self, height: usize) -> usize {
        let height = height.max(1);
        let mut offset = self.offset.min(self.selected);
        if self.selected >= offset + height {
            offset = self.selected + 1 - height;
        }
        offset
    }

    /// Loads the list starting at `from` (inclusive of rows after it), or from the first row.
    pub fn load<E>(
        &mut self,
        from: Option<SortKey>,
        fetch: &mut dyn FnMut(PageRequest) -> Result<Vec<T>, E>,
    ) -> Result<(), E> {
        let anchored = from.is_some();
        let rows = fetch(PageRequest {
            after: from,
            inclusive: false,
            forward: true,
            limit: CHUNK,
        })?;
        if rows.is_empty() && anchored {
            // Nothing after the anchor: show the end of the list instead.
            return self.edge(false, fetch);
        }
        self.at_end = rows.len() < CHUNK;
        self.at_start = !anchored;
        self.rows = rows;
        self.selected = 0;
        self.offset = 0;
        self.loaded = true;
        Ok(())
    }

    /// Loads the list around `key`: the row at it (or the first after it) selected, with rows
    /// before it to scroll up to. The selection keeps its place on the screen when `row` (its
    /// row on the screen before) is given.
    pub fn load_at<E>(
        &mut self,
        key: &SortKey,
        row: Option<usize>,
        fetch: &mut dyn FnMut(PageRequest) -> Result<Vec<T>, E>,
    ) -> Result<(), E> {
        let after = fetch(PageRequest {
            after: Some(key.clone()),
            inclusive: true,
            forward: true,
            limit: CHUNK,
        })?;
        if after.is_empty() {
            // Nothing at or after it: the end of the list.
            return self.edge(false, fetch);
        }
        let mut before = fetch(PageRequest {
            after: Some(key.clone()),
            inclusive: false,
            forward: false,
            limit: CHUNK,
        })?;
        self.at_start = before.len() < CHUNK;
        self.at_end = after.len() < CHUNK;
        before.reverse();
        self.selected = before.len();
        before.extend(after);
        self.rows = before;
        self.offset = self.selected.saturating_sub(row.unwrap_or(0));
        self.loaded = true;
        Ok(())
    }

    /// Reads the rows again around the selection, keeping it (or, when it is gone, the row
    /// that took its place) at the same place on the screen.
    pub fn reload<E>(
        &mut self,
        height: usize,
        fetch: &mut dyn FnMut(PageRequest) -> Result<Vec<T>, E>,
    ) -> Result<(), E> {
        match self.selected().map(Keyed::key) {
            Some(key) => {
                let row = self.selected - self.offset_for(height);
                self.load_at(&key, Some(row), fetch)
            }
            None => {
                let at_start = self.at_start;
                self.edge(at_start, fetch)
            }
        }
    }

    /// Forgets the rows: the next load reads them anew.
    pub fn clear(&mut self) {
        *self = Paged::default();
    }

    fn edge<E>(
        &mut self,
        first: bool,
        fetch: &mut dyn FnMut(PageRequest) -> Result<Vec<T>, E>,
    ) -> Result<(), E> {
        let mut rows = fetch(PageRequest {
            after: None,
            inclusive: false,
            forward: first,
            limit: CHUNK,
        })?;
        let full = rows.len() == CHUNK;
        if first {
            self.at_start = true;
            self.at_end = !full;
            self.selected = 0;
        } else {
            rows.reverse();
            self.at_end = true;
            self.at_start = !full;
            self.selected = rows.len().saturating_sub(1);
        }
        // At the end, the last rows fill the screen: offset_for puts the selection at its foot.
        self.offset = 0;
        self.rows = rows;
        self.loaded = true;
        Ok(())
    }

    /// Moves the selection; returns whether the selected row changed.
    pub fn nav<E>(
        &mut self,
        nav: Nav,
        height: usize,
        fetch: &mut dyn FnMut(PageRequest) -> Result<Vec<T>, E>,
    ) -> Result<bool, E> {
        let before = self.selected().map(Keyed::key);
        let height = height.max(1);
        match nav {
            Nav::Down => self.step_down(fetch)?,
            Nav::Up => self.step_up(fetch)?,
            Nav::PageDown => {
                for _ in 0..height {
                    self.step_down(fetch)?;
                }
                self.offset = self.selected;
            }
            Nav::PageUp => {
                for _ in 0..height {
                    self.step_up(fetch)?;
                }
                self.offset = (self.selected + 1).saturating_sub(height);
            }
            Nav::Home => self.edge(true, fetch)?,
            Nav::End => self.edge(false, fetch)?,
        }
        self.offset = self.offset_for(height);
        Ok(self.selected().map(Keyed::key) != before)
    }

    fn step_down<E>(
        &mut self,
        fetch: &mut dyn FnMut(PageRequest) -> Result<Vec<T>, E>,
    ) -> Result<(), E> {
        if self.selected + 1 >= self.rows.len() && !self.at_end {
            if let Some(last) = self.rows.last() {
                let more = fetch(PageRequest {
                    after: Some(last.key()),
                    inclusive: false,
                    forward: true,
                    limit: CHUNK,
                })?;
                self.at_end = more.len() < CHUNK;
                self.rows.extend(more);
                if self.rows.len() > WINDOW {
                    let drop = self.rows.len() - WINDOW;
                    self.rows.drain(..drop);
                    self.selected -= drop.min(self.selected);
                    self.offset -= drop.min(self.offset);
                    self.at_start = false;
                }
            }
        }
        if self.selected + 1 < self.rows.len() {
            self.selected += 1;
        }
        Ok(())
    }

    fn step_up<E>(
        &mut self,
        fetch: &mut dyn FnMut(PageRequest) -> Result<Vec<T>, E>,
    ) -> Result<(), E> {
        if self.selected == 0 && !self.at_start {
            if let Some(first) = self.rows.first() {
                let mut more = fetch(PageRequest {
                    after: Some(first.key()),
                    inclusive: false,
                    forward: false,
                    limit: CHUNK,
                })?;
                self.at_start = more.len() < CHUNK;
                more.reverse();
                let added = more.len();
                more.append(&mut self.rows);
                self.rows = more;
                self.selected += added;
                self.offset += added;
                if self.rows.len() > WINDOW {
                    self.rows.truncate(WINDOW);
                    self.at_end = false;
                }
            }
        }
        self.selected = self.selected.saturating_sub(1);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq)]
    struct N(u32);
    impl Keyed for N {
        fn key(&self) -> SortKey {
            SortKey {
                primary: format!("{:08}", self.0),
                id: String::new(),
            }
        }
        fn target(&self) -> crate::domain::edit::Target {
            crate::domain::edit::Target::new(
                crate::domain::edit::RecordKind::Event,
                self.0.to_string(),
            )
        }
    }

    /// A list of `n` rows read the way the store reads: by keyset, counting reads.
    fn source(n: u32, reads: &mut usize) -> impl FnMut(PageRequest) -> Result<Vec<N>, ()> + '_ {
        move |req| {
            *reads += 1;
            let after = req.after.map(|k| k.primary.parse::<u32>().unwrap());
            let inc = req.inclusive as u32;
            let rows: Vec<N> = if req.forward {
                let start = after.map(|a| a + 1 - inc).unwrap_or(0);
                (start..n).take(req.limit).map(N).collect()
            } else {
                let end = after.map(|a| a + inc).unwrap_or(n);
                (0..end.min(n)).rev().take(req.limit).map(N).collect()
            };
            Ok(rows)
        }
    }

    #[test]
    fn walks_a_long_list_without_holding_it() {
        let mut reads = 0;
        let mut fetch = source(100_000, &mut reads);
        let mut p = Paged::default();
        p.load(None, &mut fetch).unwrap();
        for _ in 0..1_000 {
            p.nav(Nav::PageDown, 20, &mut fetch).unwrap();
        }
        assert_eq!(p.selected().unwrap().0, 20_000);
        assert!(p.rows().len() <= WINDOW);
        for _ in 0..500 {
            p.nav(Nav::PageUp, 20, &mut fetch).unwrap();
        }
        assert_eq!(p.selected().unwrap().0, 10_000);
        assert!(p.rows().len() <= WINDOW);
    }

    #[test]
    fn end_and_home_jump_to_the_edges() {
        let mut reads = 0;
        let mut fetch = source(1_000, &mut reads);
        let mut p = Paged::default();
        p.load(None, &mut fetch).unwrap();
        assert!(p.nav(Nav::End, 10, &mut fetch).unwrap());
        assert_eq!(p.selected().unwrap().0, 999);
        // Down at the very end stays put and reports no change.
        assert!(!p.nav(Nav::Down, 10, &mut fetch).unwrap());
        p.nav(Nav::Up, 10, &mut fetch).unwrap();
        assert_eq!(p.selected().unwrap().0, 998);
        p.nav(Nav::Home, 10, &mut fetch).unwrap();
        assert_eq!(p.selected().unwrap().0, 0);
        assert!(!p.nav(Nav::Up, 10, &mut fetch).unwrap());
    }

    #[test]
    fn an_anchor_past_the_end_shows_the_last_rows() {
        let mut reads = 0;
        let mut fetch = source(10, &mut reads);
        let mut p = Paged::default();
        let anchor = SortKey {
            primary: "00000050".into(),
            id: String::new(),
        };
        p.load(Some(anchor), &mut fetch).unwrap();
        assert_eq!(p.selected().unwrap().0, 9);
    }

    #[test]
    fn scrolling_up_from_an_anchor_reads_earlier_rows() {
        let mut reads = 0;
        let mut fetch = source(500, &mut reads);
        let mut p = Paged::default();
        let anchor = SortKey {
            primary: "00000299".into(),
            id: String::new(),
        };
        p.load(Some(anchor), &mut fetch).unwrap();
        assert_eq!(p.selected().unwrap().0, 300);
        p.nav(Nav::Up, 10, &mut fetch).unwrap();
        assert_eq!(p.selected().unwrap().0, 299);
        assert_eq!(p.offset_for(10), p.selected_index());
    }

    #[test]
    fn load_at_selects_the_row_and_keeps_its_place_on_screen() {
        let mut reads = 0;
        let mut fetch = source(1_000, &mut reads);
        let mut p = Paged::default();
        p.load(None, &mut fetch).unwrap();
        for _ in 0..300 {
            p.nav(Nav::Down, 10, &mut fetch).unwrap();
        }
        let row = p.selected_index() - p.offset_for(10);
        p.reload(10, &mut fetch).unwrap();
        assert_eq!(p.selected().unwrap().0, 300);
        assert_eq!(p.selected_index() - p.offset_for(10), row);
        p.nav(Nav::Up, 10, &mut fetch).unwrap();
        assert_eq!(p.selected().unwrap().0, 299);
        let key = N(500).key();
        p.load_at(&key, None, &mut fetch).unwrap();
        assert_eq!(p.selected().unwrap().0, 500);
        p.load_at(&N(5_000).key(), None, &mut fetch).unwrap();
        assert_eq!(p.selected().unwrap().0, 999, "past the end: the last row");
    }

    #[test]
    fn an_empty_list_is_safe() {
        let mut reads = 0;
        let mut fetch = source(0, &mut reads);
        let mut p: Paged<N> = Paged::default();
        p.load(None, &mut fetch).unwrap();
        for nav in [
            Nav::Up,
            Nav::Down,
            Nav::PageUp,
            Nav::PageDown,
            Nav::Home,
            Nav::End,
        ] {
            assert!(!p.nav(nav, 5, &mut fetch).unwrap());
        }
        assert!(p.selected().is_none());
    }
}
