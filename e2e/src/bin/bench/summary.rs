//! The closing table: each figure for both apps, their ratio, the target and whether it is met.

#[derive(Clone, Copy)]
pub enum Unit {
    Bytes,
    Ms,
    MiB,
    Seconds,
    /// One of the dashboard's figures over another (the access review over the same requests by script).
    Times,
}

#[derive(Clone, Copy)]
pub enum Target {
    /// dashboard / react-admin at most this.
    Ratio(f64),
    /// The dashboard's own figure at most this, in the figure's unit.
    Dashboard(f64),
    None,
}

struct Row {
    figure: String,
    unit: Unit,
    dashboard: f64,
    /// The anchor's figure, or why there is none.
    anchor: Result<f64, String>,
    target: Target,
}

#[derive(Default)]
pub struct Summary {
    rows: Vec<Row>,
}

impl Summary {
    pub fn add(&mut self, figure: &str, unit: Unit, dashboard: f64, anchor: Result<f64, String>, target: Target) {
        self.rows.push(Row { figure: figure.to_string(), unit, dashboard, anchor, target });
    }

    pub fn print(&self) {
        let mut table = vec![["figure", "dashboard", "react-admin", "ratio", "target", "met?"].map(String::from)];
        for row in &self.rows {
            let ratio = row.anchor.as_ref().ok().map(|anchor| row.dashboard / anchor);
            let (target, met) = match row.target {
                Target::Ratio(limit) => (format!("ratio <= {limit}"), ratio.map(|r| r <= limit)),
                Target::Dashboard(limit) => {
                    (format!("<= {}", format_value(limit, row.unit)), Some(row.dashboard <= limit))
                }
                Target::None => ("-".to_string(), None),
            };
            table.push([
                row.figure.clone(),
                format_value(row.dashboard, row.unit),
                row.anchor.as_ref().map_or_else(|why| format!("n/a ({why})"), |v| format_value(*v, row.unit)),
                ratio.map_or("-".to_string(), |r| format!("{r:.2}")),
                target,
                met.map_or("-", |met| if met { "yes" } else { "NO" }).to_string(),
            ]);
        }
        let widths: Vec<usize> =
            (0..6).map(|c| table.iter().map(|r| r[c].chars().count()).max().unwrap_or(0)).collect();
        println!("\nsummary (one run; ratio = dashboard / react-admin, lower is better)");
        for (i, row) in table.iter().enumerate() {
            let cells: Vec<String> = row.iter().zip(&widths).map(|(cell, w)| format!("{cell:<w$}")).collect();
            println!("| {} |", cells.join(" | "));
            if i == 0 {
                let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
                println!("|-{}-|", rule.join("-|-"));
            }
        }
    }
}

pub fn format_value(value: f64, unit: Unit) -> String {
    match unit {
        Unit::Bytes => format!("{} B", thousands(value as u64)),
        Unit::Ms if value < 100.0 => format!("{value:.1} ms"),
        Unit::Ms => format!("{value:.0} ms"),
        Unit::MiB => format!("{value:.1} MiB"),
        Unit::Seconds => format!("{value:.1} s"),
        Unit::Times => format!("{value:.2}x"),
    }
}

/// 1234567 as "1,234,567", as the dashboard writes numbers.
pub fn thousands(n: u64) -> String {
    geai_admin::i18n::amount(n as f64)
}
