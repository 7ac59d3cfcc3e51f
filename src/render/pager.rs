//! Where a page of a paged list (the pairs, the mentor directory) is among the others, for the
//! pager under the list.

use serde::Serialize;

use crate::paths::{Place, Url};

/// Where a page of a paged list is among the others: its number, how many there are, which of
/// the list it shows (`first` to `last`, counted from 1), the pages before and after, and the pages to
/// link to: the first and last, the three either side of this one and every tenth, `None` for a
/// gap. From any page, any other is at most two clicks away.
#[derive(Serialize)]
pub(super) struct Pager {
    pub page: usize,
    pub pages: usize,
    pub total: usize,
    pub first: usize,
    pub last: usize,
    prev: Option<Url>,
    next: Option<Url>,
    links: Vec<Option<PageLink>>,
}

/// A link to a page of the list.
#[derive(Serialize)]
struct PageLink {
    n: usize,
    url: Url,
    current: bool,
}

impl Pager {
    /// Page `page` (from 1) of a list of `total`, `per_page` a page, page `n` at `place(n)`.
    pub fn of(page: usize, total: usize, per_page: usize, place: fn(usize) -> Place) -> Pager {
        let pages = total.div_ceil(per_page).max(1);
        let url = |n: usize| place(n).url();
        let mut links = Vec::new();
        for n in 1..=pages {
            let shown = n == 1 || n == pages || n.abs_diff(page) <= 3 || n.is_multiple_of(10);
            if shown {
                links.push(Some(PageLink {
                    n,
                    url: url(n),
                    current: n == page,
                }));
            } else if links.last().is_some_and(Option::is_some) {
                links.push(None);
            }
        }
        Pager {
            page,
            pages,
            total,
            first: ((page - 1) * per_page + 1).min(total),
            last: (page * per_page).min(total),
            prev: (page > 1).then(|| url(page - 1)),
            next: (page < pages).then(|| url(page + 1)),
            links,
        }
    }
}
