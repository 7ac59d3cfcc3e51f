//! The optimal assignment: mentees to mentors' free places so that the total score is the
//! highest possible over the whole pool (the Hungarian algorithm, `pathfinding`'s
//! `kuhn_munkres`), rather than each mentee in turn taking the best mentor left.

use pathfinding::kuhn_munkres::kuhn_munkres;
use pathfinding::matrix::Matrix;

/// Assigns each row (a mentee) at most one column group (a mentor), so that no mentor gets more
/// rows than `room[mentor]` and the sum of the points of the chosen cells is the highest possible.
/// `rows[i]` lists the mentors row `i` may have, each with its points (more than 0); any other
/// cell is forbidden. Returns each row's mentor, or `None`.
///
/// How: each mentor becomes as many columns as their room (no more than there are rows), and the
/// matrix is made square-or-wider with empty columns, since `kuhn_munkres` assigns every row a
/// column of its own and takes no more rows than columns. A forbidden cell and an empty column
/// weigh 0; an allowed one weighs its points, which are more than 0; so a row given a cell of
/// weight 0 is a row left unmatched, and a maximum of the whole matrix is a maximum over the
/// allowed cells alone. The same input gives the same answer: the rows and columns come in the
/// caller's order (by id).
pub fn assign(rows: &[Vec<(usize, u32)>], room: &[u32]) -> Vec<Option<usize>> {
    if rows.is_empty() {
        return Vec::new();
    }
    // Columns only for the mentors some row may have.
    let mut wanted = vec![false; room.len()];
    for (m, _) in rows.iter().flatten() {
        wanted[*m] = true;
    }
    let mut first = vec![usize::MAX; room.len()];
    let mut owner: Vec<usize> = Vec::new();
    for (m, &r) in room.iter().enumerate() {
        if wanted[m] {
            first[m] = owner.len();
            let places = usize::try_from(r).unwrap_or(usize::MAX).min(rows.len());
            owner.extend(std::iter::repeat_n(m, places));
        }
    }
    let places = owner.len();
    let columns = places.max(rows.len());
    let mut weights = Matrix::new(rows.len(), columns, 0i64);
    for (i, row) in rows.iter().enumerate() {
        for &(m, points) in row {
            let start = first[m];
            let end = owner[start..]
                .iter()
                .position(|&o| o != m)
                .map_or(places, |n| start + n);
            for c in start..end {
                weights[(i, c)] = i64::from(points);
            }
        }
    }
    let (_, chosen) = kuhn_munkres(&weights);
    chosen
        .into_iter()
        .enumerate()
        .map(|(i, c)| (c < places && weights[(i, c)] > 0).then(|| owner[c]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::assign;

    #[test]
    fn the_whole_pool_beats_first_come() {
        // Greedy gives row 0 mentor 0 (5), leaving row 1 nothing: 5. Optimal: 4 + 4 = 8.
        let rows = vec![vec![(0, 5), (1, 4)], vec![(0, 4)]];
        assert_eq!(assign(&rows, &[1, 1]), vec![Some(1), Some(0)]);
    }

    #[test]
    fn capacity_takes_several_and_no_more() {
        let rows = vec![vec![(0, 3)], vec![(0, 2)], vec![(0, 1)]];
        assert_eq!(assign(&rows, &[2]), vec![Some(0), Some(0), None]);
    }

    #[test]
    fn more_places_than_rows_and_rows_with_nothing() {
        let rows = vec![vec![], vec![(2, 1)]];
        assert_eq!(assign(&rows, &[5, 0, 9]), vec![None, Some(2)]);
        assert!(assign(&[], &[1]).is_empty());
    }
}
