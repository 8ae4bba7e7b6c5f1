use super::*;

fn node(id: &str, label: &str, kind: NodeKind) -> Node {
    Node { id: id.into(), label: label.into(), kind, href: Some(format!("/q/{id}?a=1&b=2")), note: None }
}

fn edge(from: &str, to: &str, label: &str) -> Edge {
    Edge { from: from.into(), to: to.into(), label: label.into() }
}

/// Deterministic pseudo-random DAG (LCG); labels mix Latin and CJK text.
fn random_dag(seed: u64, n: usize) -> Graph {
    let mut state = seed;
    let mut next = move |m: usize| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % m.max(1)
    };
    let words = ["是否", "already", "filed", "备案主体", "company", "website", "变更", "contact", "App"];
    let mut g = Graph { title: "random".into(), ..Graph::default() };
    for i in 0..n {
        let kind = if i == 0 {
            NodeKind::Start
        } else if i + 6 >= n {
            NodeKind::Outcome
        } else {
            NodeKind::Question
        };
        let label: Vec<&str> = (0..1 + next(12)).map(|_| words[next(words.len())]).collect();
        g.nodes.push(node(&format!("n{i}"), &label.join(" "), kind));
    }
    for i in 1..n {
        for _ in 0..1 + next(2) {
            let from = next(i.min(n - 6));
            g.edges.push(edge(&format!("n{from}"), &format!("n{i}"), words[next(words.len())]));
        }
    }
    g
}

fn sample() -> Graph {
    Graph {
        title: "Sample <flow> & \"test\"".into(),
        nodes: vec![
            node("s", "Start", NodeKind::Start),
            node("q1", "Do you run a website in mainland China?", NodeKind::Question),
            node("q2", "您的网站是否已经备案？", NodeKind::Question),
            Node {
                note: Some("Contact your hosting provider".into()),
                ..node("o1", "File ICP", NodeKind::Outcome)
            },
            node("o2", "No filing needed", NodeKind::Outcome),
        ],
        edges: vec![
            edge("s", "q1", ""),
            edge("q1", "q2", "Yes"),
            edge("q1", "o2", "No"),
            edge("q2", "o1", "否"),
            edge("q2", "o2", "是"),
            edge("q2", "o2", "不确定"),
            edge("q1", "o1", "Unsure"),
            edge("q1", "missing", "ignored"),
        ],
        wording: Wording::default(),
    }
}

/// Tiny well-formedness check: one root, balanced tags, quoted
/// attributes, only the five predefined entities.
fn check_xml(xml: &str) -> Result<(), String> {
    let entities_ok = |s: &str| {
        s.match_indices('&')
            .all(|(i, _)| ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|e| s[i..].starts_with(e)))
    };
    let (mut stack, mut roots, mut rest) = (Vec::<&str>::new(), 0, xml);
    while let Some(start) = rest.find('<') {
        let end = start + rest[start..].find('>').ok_or("unclosed tag")?;
        let (text, tag) = (&rest[..start], &rest[start + 1..end]);
        rest = &rest[end + 1..];
        if !entities_ok(text) || !entities_ok(tag) || tag.matches('"').count() % 2 != 0 {
            return Err(format!("bad text or attributes near <{tag}>"));
        }
        if let Some(name) = tag.strip_prefix('/') {
            if stack.pop() != Some(name) {
                return Err(format!("mismatched </{name}>"));
            }
            continue;
        }
        roots += usize::from(stack.is_empty());
        if !tag.ends_with('/') {
            stack.push(tag.split_whitespace().next().unwrap_or(""));
        }
    }
    match (stack.is_empty(), roots, rest.trim().is_empty()) {
        (true, 1, true) => Ok(()),
        _ => Err(format!("unbalanced: open {stack:?}, roots {roots}")),
    }
}

fn assert_sound(g: &Graph) {
    let l = layout(g);
    let svg = to_svg(g, &l, "t");
    check_xml(&svg).unwrap();
    for (i, a) in l.nodes.iter().enumerate() {
        for b in &l.nodes[i + 1..] {
            assert!(!a.rect.overlaps(&b.rect), "nodes overlap: {a:?} {b:?}");
        }
    }
    for e in &l.edges {
        assert!(l.nodes[e.from].rect.contains(e.points[0]), "start outside: {e:?}");
        assert!(l.nodes[e.to].rect.contains(*e.points.last().unwrap()), "end outside: {e:?}");
        if let Some(lb) = e.label_box {
            assert!(l.nodes.iter().all(|n| !n.rect.overlaps(&lb)), "label overlaps node: {e:?}");
            assert!(lb.x >= 0.0 && lb.right() <= l.width && lb.bottom() <= l.height);
        }
    }
    let labels: Vec<Rect> = l.edges.iter().filter_map(|e| e.label_box).collect();
    for (i, a) in labels.iter().enumerate() {
        assert!(labels[i + 1..].iter().all(|b| !a.overlaps(b)), "labels overlap: {a:?}");
    }
    for n in &l.nodes {
        assert!(n.rect.x >= 0.0 && n.rect.right() <= l.width + 1e-6 && n.rect.bottom() <= l.height);
    }
}

#[test]
fn escapes_xml_text_and_attributes() {
    assert_eq!(escape("a&b<c>\"d'e\u{1}\u{FFFF}"), "a&amp;b&lt;c&gt;&quot;d&#39;e");
    let svg = to_svg(&sample(), &layout(&sample()), "p<1>");
    assert!(svg.contains("Sample &lt;flow&gt; &amp; &quot;test&quot;"));
    assert!(svg.contains("href=\"/q/q1?a=1&amp;b=2\""));
    assert!(svg.contains("id=\"p_1_-arrow\""));
    assert!(!svg.contains("<flow>"));
}

#[test]
fn output_is_deterministic() {
    for g in [sample(), random_dag(7, 30)] {
        assert_eq!(to_svg(&g, &layout(&g), "a"), to_svg(&g.clone(), &layout(&g.clone()), "a"));
    }
}

#[test]
fn sample_is_sound_and_merges_parallel_edges() {
    let g = sample();
    assert_sound(&g);
    let l = layout(&g);
    assert_eq!(l.edges.len(), 6, "unknown endpoint ignored, parallel edges merged");
    assert!(l.edges.iter().any(|e| e.label == "是 / 不确定"));
    assert!(l.nodes[1].layer < l.nodes[2].layer && l.nodes[2].layer < l.nodes[3].layer);
    let svg = to_svg(&g, &l, "s");
    for needle in [
        "role=\"group\"",
        "aria-labelledby=\"s-title s-desc\"",
        "fg-node fg-question",
        "fg-outcome",
        "fg-edge-label",
        "marker-end=\"url(#s-arrow)\"",
        "aria-label=\"File ICP — Contact your hosting provider\"",
    ] {
        assert!(svg.contains(needle), "missing {needle}");
    }
}

#[test]
fn cycles_are_broken_and_drawn() {
    let mut g = Graph { title: "cycle".into(), ..Graph::default() };
    for id in ["a", "b", "c", "d"] {
        g.nodes.push(node(id, id, NodeKind::Question));
    }
    g.edges = vec![
        edge("a", "b", "1"),
        edge("b", "c", "2"),
        edge("c", "a", "back"),
        edge("c", "c", "again"),
        edge("b", "a", "up"),
        edge("c", "d", ""),
    ];
    assert_sound(&g);
    let l = layout(&g);
    assert_eq!(l.edges.len(), 6);
    assert_eq!(l.edges.iter().filter(|e| e.back).count(), 2);
    assert!(l.edges.iter().all(|e| e.points.len() >= 2));
    let layers: Vec<usize> = l.nodes.iter().map(|n| n.layer).collect();
    assert_eq!(layers, vec![0, 1, 2, 3]);
}

#[test]
fn random_dags_are_sound() {
    for seed in 1..6 {
        let g = random_dag(seed, 30);
        assert_sound(&g);
        let l = layout(&g);
        assert!(l.nodes.iter().all(|n| n.rect.width <= WRAP_EM * FONT + 2.0 * PAD_X + 1e-6));
    }
}

/// A layer wider than the bound is split into rows; the whole keeps to the bound, and stays
/// sound (no overlaps, edges from box to box), also for random graphs.
#[test]
fn bounded_layouts_split_wide_layers_into_rows() {
    let mut star = Graph { title: "star".into(), ..Graph::default() };
    star.nodes.push(node("s", "Start", NodeKind::Start));
    star.nodes.push(node("q", "Which one of these many options?", NodeKind::Question));
    star.edges.push(edge("s", "q", ""));
    for i in 0..12 {
        star.nodes.push(node(
            &format!("o{i}"),
            &format!("Outcome number {i} of the question"),
            NodeKind::Outcome,
        ));
        star.edges.push(edge("q", &format!("o{i}"), &format!("Answer {i}")));
    }
    let unbounded = layout(&star);
    assert!(unbounded.width > 1500.0, "twelve outcomes side by side: {}", unbounded.width);
    let bounds = Bounds { max_width: 400.0, wrap_em: 10.0, label_wrap_em: 8.0, column: 6.0 };
    let l = layout_within(&star, &bounds);
    assert!(l.width <= 400.0 + 2.0 * MARGIN + 0.1, "within the bound: {}", l.width);
    let rows: std::collections::BTreeSet<usize> = l.nodes[2..].iter().map(|n| n.layer).collect();
    assert!(rows.len() >= 3, "the outcomes in several rows: {rows:?}");
    assert!(l.nodes[2..].iter().all(|n| n.layer > l.nodes[1].layer), "all below their question");
    assert_sound_within(&star, &bounds);
    for seed in 1..6 {
        assert_sound_within(&random_dag(seed, 30), &bounds);
        assert_sound_within(&random_dag(seed, 30), &Bounds { max_width: 900.0, ..Bounds::UNBOUNDED });
    }
    assert_sound_within(&sample(), &bounds);
}

fn assert_sound_within(g: &Graph, bounds: &Bounds) {
    let l = layout_within(g, bounds);
    check_xml(&to_svg(g, &l, "b")).unwrap();
    let labels: Vec<Rect> = l.edges.iter().filter_map(|e| e.label_box).collect();
    for (i, a) in l.nodes.iter().enumerate() {
        for b in &l.nodes[i + 1..] {
            assert!(!a.rect.overlaps(&b.rect), "nodes overlap: {a:?} {b:?}");
        }
        assert!(labels.iter().all(|lb| !lb.overlaps(&a.rect)), "a label overlaps node {a:?}");
    }
    for (i, a) in labels.iter().enumerate() {
        assert!(labels[i + 1..].iter().all(|b| !a.overlaps(b)), "labels overlap: {a:?}");
    }
    for e in &l.edges {
        assert!(l.nodes[e.from].rect.contains(e.points[0]), "start outside: {e:?}");
        assert!(l.nodes[e.to].rect.contains(*e.points.last().unwrap()), "end outside: {e:?}");
    }
}

#[test]
fn cjk_labels_get_wider_boxes() {
    let mk = |label: &str| size_node(&node("x", label, NodeKind::Question), WRAP_EM).rect.width;
    assert!(mk("备案主体信息变更") > mk("abcdefgh"));
    assert_eq!(wrap("一二三四五六七八九十", 4.0), vec!["一二三四", "五六七八", "九十"]);
    assert_eq!(wrap("hello world again", 8.0), vec!["hello world", "again"]);
    assert_eq!(wrap("是否，已经", 3.0), vec!["是否，", "已经"]);
    assert!(wrap("   ", 5.0).is_empty());
}

#[test]
fn empty_and_degenerate_graphs_give_valid_svg() {
    assert!(check_xml("<a><b></a>").is_err() && check_xml("<a>&x</a>").is_err());
    assert!(check_xml("<a x=\"1/>").is_err() && check_xml("<a/><b/>").is_err());
    let empty = Graph::default();
    let svg = to_svg(&empty, &layout(&empty), "");
    check_xml(&svg).unwrap();
    assert!(svg.contains("viewBox=\"0 0 32.0 32.0\""));
    let odd = Graph {
        title: String::new(),
        nodes: vec![node("a", "", NodeKind::Start), node("a", "dup", NodeKind::Outcome)],
        edges: vec![edge("a", "a", ""), edge("a", "b", "x")],
        wording: Wording::default(),
    };
    assert_sound(&odd);
    let l = layout(&odd);
    check_xml(&to_svg(&odd, &Layout::default(), "x")).unwrap();
    check_xml(&to_svg(&Graph::default(), &l, "x")).unwrap();
}
