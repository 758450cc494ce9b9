//! The analytics answers in FACTS.md's shapes, and the calls' URLs and headers.

use super::*;

#[test]
fn each_shape_reads_and_missing_numbers_are_zero() {
    let cost: Figures = serde_json::from_str(r#"{"totalCost": 12.5}"#).unwrap();
    assert_eq!((cost.total_cost, cost.total_requests), (12.5, 0.0));
    let tokens: Figures = serde_json::from_str(r#"{"input": 10, "output": 5, "total": 15}"#).unwrap();
    assert_eq!((tokens.input, tokens.output), (10.0, 5.0));
    let days: PerDay = serde_json::from_str(
        r#"{"totalRequestsPerDay": [{"date": "2026-12-01", "totalRequests": 9, "totalRequestsWithError": 2}]}"#,
    )
    .unwrap();
    let days = days.days();
    assert_eq!(
        (days[0].date.as_str(), days[0].total_requests, days[0].total_requests_with_error),
        ("2026-12-01", 9.0, 2.0)
    );
    let agents: Entries =
        serde_json::from_str(r#"{"top10Agents": [{"agent": "Helpdesk", "totalRequests": 3}]}"#).unwrap();
    assert_eq!(agents.entries()[0].agent, "Helpdesk");
    let users: Entries =
        serde_json::from_str(r#"{"top10Users": [{"user": "ana@acme.example", "totalCost": 1.5}]}"#).unwrap();
    assert_eq!(users.entries()[0].who(), "ana@acme.example", "no name: the address");
    let empty: Entries = serde_json::from_str("{}").unwrap();
    assert!(empty.entries().is_empty());
    let processes: LabCounts = serde_json::from_str(r#"{"createdProcesses": 4, "modifiedProcesses": 7}"#).unwrap();
    assert_eq!((processes.created_processes, processes.modified_processes, processes.created_agents), (4.0, 7.0, 0.0));
    let projects: ProjectsCreated = serde_json::from_str(r#"{"createdProjects": 2}"#).unwrap();
    assert_eq!(projects.created_projects, 2.0);
    assert_eq!(serde_json::from_str::<ProjectsCreated>("{}").unwrap().created_projects, 0.0);
}

#[test]
fn a_call_carries_its_dates_agent_and_scope_headers() {
    let days = Days { start: "2026-11-01".into(), end: "2026-11-30".into() };
    let scope = Scope::Project { organization_id: Some("o1".into()), project_id: "p1".into() };
    let call = endpoint("requests/total-requests-per-day", &days, &scope, Some("Help desk"));
    assert_eq!(
        call.url("https://x"),
        "https://x/v1/analytics/requests/total-requests-per-day?startDate=2026-11-01&endDate=2026-11-30&agentName=Help%20desk"
    );
    assert_eq!(call.headers, vec![("OrganizationId", "o1".to_string()), ("ProjectId", "p1".to_string())]);
    let organization = endpoint("lab/projects-created", &days, &Scope::Organization { organization_id: None }, None);
    assert!(organization.headers.is_empty());
}
