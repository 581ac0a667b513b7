use crate::components::ScrollRegion;
use crate::model::charts::{Chart, VIEW_H, VIEW_W};
use leptos::prelude::*;

/// One chart of the course: lines over severity bands, named and described
/// for screen readers, a tap on a session to read its values, and the same
/// numbers as a table.
#[component]
pub fn ScoreChart(chart: Chart) -> impl IntoView {
    let as_table = RwSignal::new(false);
    let picked = RwSignal::new(None::<usize>);
    let key = &chart.spec.key;
    let (name_id, about_id) = (format!("chart-{key}"), format!("chart-{key}-about"));
    let legend = (chart.lines.len() > 1).then(|| {
        view! {
            <ul role="list" class="legend">
                {chart.lines.iter().enumerate().map(|(i, l)| view! { <li class=format!("s{i}")>{l.name.clone()}</li> }).collect_view()}
            </ul>
        }
    });
    let head = view! {
        <div class="section-head">
            <h3 id=name_id.clone()>{chart.spec.title.clone()}</h3>
            <button type="button" on:click=move |_| as_table.update(|t| *t = !*t)>
                {move || if as_table.get() { "Show as chart" } else { "Show as table" }}
            </button>
        </div>
        <p id=about_id.clone() class="muted">{chart.description.clone()}</p>
        {legend}
    };
    let captions: Vec<String> = (0..chart.rows.len())
        .map(|row| chart.caption(row))
        .collect();
    // Both drawn once and one hidden, so nothing is rebuilt on a toggle.
    view! {
        <figure class="chart" aria-labelledby=name_id.clone()>
            {head}
            <div hidden=move || as_table.get()>{plot(&chart, &name_id, &about_id, picked)}</div>
            <div hidden=move || !as_table.get()>{table(&chart)}</div>
            <p class="chart-pick" aria-live="polite">
                {move || picked.get().and_then(|row| captions.get(row).cloned())}
            </p>
        </figure>
    }
}

fn plot(
    c: &Chart,
    name: &str,
    about: &str,
    picked: RwSignal<Option<usize>>,
) -> impl IntoView + use<> {
    let [left, top, right, bottom] = c.area;
    let marks = c.hits.iter().map(|h| (h.row, h.at)).collect::<Vec<_>>();
    view! {
        <svg
            viewBox=format!("0 0 {VIEW_W} {VIEW_H}")
            role="img"
            aria-labelledby=name.to_string()
            aria-describedby=about.to_string()
        >
            {c.bands.iter().map(|b| view! {
                <rect class=format!("band b{}", b.level) x=left y=b.y width=right - left height=b.height />
                <text class="band-label" x=right - 3 y=b.y + 10 text-anchor="end">{b.label.clone()}</text>
            }).collect_view()}
            {c.cutoff_y.map(|y| view! {
                <line class="cutoff" x1=left x2=right y1=y y2=y />
                <text class="cutoff-label" x=left + 3 y=y - 3>"clinical cut-off"</text>
            })}
            {c.y_ticks.iter().map(|(y, label)| view! {
                <line class="grid" x1=left x2=right y1=*y y2=*y />
                <text x=left - 4 y=y + 4 text-anchor="end">{label.clone()}</text>
            }).collect_view()}
            {c.x_ticks.iter().map(|(x, label)| view! {
                <text x=*x y=bottom + 15 text-anchor="middle">{label.clone()}</text>
            }).collect_view()}
            {move || {
                picked.get().and_then(|row| marks.iter().find(|m| m.0 == row)).map(|&(_, x)| view! {
                    <line class="pick" x1=x x2=x y1=top y2=bottom />
                })
            }}
            {c.lines.iter().enumerate().map(|(i, l)| view! {
                <polyline class=format!("line s{i}") points=l.points.clone() />
                {l.dots.iter().map(|&(cx, cy)| view! { <circle class=format!("s{i}") cx=cx cy=cy r="3.5" /> }).collect_view()}
            }).collect_view()}
            {c.hits.iter().map(|h| {
                let row = h.row;
                view! {
                    <rect class="hit" x=h.x y="0" width=h.width height=VIEW_H on:click=move |_| picked.set(Some(row)) />
                }
            }).collect_view()}
        </svg>
    }
}

fn table(c: &Chart) -> impl IntoView + use<> {
    // Built here, while the chart is borrowed; the region below only holds it.
    let table = view! {
        <table>
            <caption class="visually-hidden">{c.spec.title.clone()}</caption>
            <thead>
                <tr>{c.headers().map(|h| view! { <th scope="col">{h.to_string()}</th> }).collect_view()}</tr>
            </thead>
            <tbody>
                {c.rows.iter().map(|r| view! {
                    <tr>
                        <th scope="row">{r.number}</th>
                        <td>{r.date.clone()}</td>
                        {r.cells.iter().map(|cell| view! { <td>{cell.clone()}</td> }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    };
    view! { <ScrollRegion label=format!("{} as a table", c.spec.title) class="table-scroll">{table}</ScrollRegion> }
}
