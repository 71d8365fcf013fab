//! The article: headline, date line and paragraphs, each block rendered from its own
//! segment signal so that an edit re-renders only the blocks it touches.

use super::caret_keys::{self, CaretBox};
use super::state::AppState;
use crate::annotation::AnnotationId;
use crate::annotation::Tag;
use crate::article::BlockKind;
use crate::paint_plan::Draw;
use leptos::prelude::*;
use leptos::tachys::html::element::{InnerHtmlAttribute, InnerHtmlValue};
use wasm_bindgen::JsCast;

/// A highlight under the pointer or focus, for the tooltip.
#[derive(Clone, Debug, PartialEq)]
struct Hover {
    ids: Vec<AnnotationId>,
    left: f64,
    top: f64,
}

/// A block's contents, written with one DOM call per change and not kept afterwards: with
/// thousands of annotations a DOM call per run, mark and attribute (and a copy of every
/// paragraph's markup for diffing) is what made loading slow and memory heavy. Marks are not
/// tab stops: in Chromium a drag-selection cannot start inside a focusable element, and
/// thousands of tab stops would be useless anyway. Keyboard users move between highlights with
/// `[` and `]`, which focus one mark at a time (see `focus_highlight`).
#[derive(Clone)]
enum BlockHtml {
    /// The text with its highlights, as HTML from the core (`Workspace::block_html`, escaped
    /// there): one `innerHTML`.
    Marks(String),
    /// The bare text of a block far from the viewport: `textContent`, no HTML parsing.
    Text(String),
    /// The element already shows the bare text (see `PaintPlan`).
    Keep,
}

impl BlockHtml {
    fn write(self, el: &web_sys::Element) {
        match self {
            BlockHtml::Marks(html) => keeping_selection(el, || el.set_inner_html(&html)),
            BlockHtml::Text(text) => keeping_selection(el, || el.set_text_content(Some(&text))),
            BlockHtml::Keep => {}
        }
    }
}

/// Runs `replace`, which replaces block `el`'s text nodes. A selection in them (the block came
/// near right after a jump, with the keyboard caret or find-in-page in it) is put back by its
/// offsets instead of being lost.
fn keeping_selection(el: &web_sys::Element, replace: impl FnOnce()) {
    let kept = selection_in(el);
    replace();
    if let Some((article, caret)) = kept {
        let _ = super::selection::set_selection(&article, caret);
    }
}

/// The DOM selection, when one of its ends is in block `el`, with the article it is in.
fn selection_in(el: &web_sys::Element) -> Option<(web_sys::Element, crate::article::caret::Caret)> {
    if !super::selection::noted_ends_in(el.as_ref()) {
        return None;
    }
    let article = el.parent_element()?;
    // Any length will do: both ends are inside the article, so neither is clamped.
    let caret = super::selection::dom_caret(&article, usize::MAX)?;
    Some((article, caret))
}

impl InnerHtmlValue for BlockHtml {
    type AsyncOutput = Self;
    type State = web_sys::Element;
    type Cloneable = Self;
    type CloneableOwned = Self;

    fn html_len(&self) -> usize {
        match self {
            BlockHtml::Marks(s) | BlockHtml::Text(s) => s.len(),
            BlockHtml::Keep => 0,
        }
    }
    fn to_html(self, buf: &mut String) {
        match self {
            BlockHtml::Marks(s) => buf.push_str(&s),
            BlockHtml::Text(s) => crate::workspace::push_escaped(buf, s.chars()),
            BlockHtml::Keep => {}
        }
    }
    fn to_template(_buf: &mut String) {}
    fn hydrate<const FROM_SERVER: bool>(self, el: &web_sys::Element) -> Self::State {
        self.build(el)
    }
    fn build(self, el: &web_sys::Element) -> Self::State {
        self.write(el);
        el.clone()
    }
    fn rebuild(self, el: &mut Self::State) {
        self.write(el);
    }
    fn into_cloneable(self) -> Self {
        self
    }
    fn into_cloneable_owned(self) -> Self {
        self
    }
    fn dry_resolve(&mut self) {}
    async fn resolve(self) -> Self {
        self
    }
}

/// The `<mark>` that an event happened in, with the ids it carries.
fn mark_ids(target: Option<web_sys::EventTarget>) -> Option<(web_sys::Element, Vec<AnnotationId>)> {
    let el: web_sys::Element = target?.dyn_into().ok()?;
    let mark = el.closest("mark[data-annotation-ids]").ok()??;
    let ids = mark.get_attribute("data-annotation-ids")?.split_whitespace().filter_map(|s| AnnotationId::parse(s).ok()).collect();
    Some((mark, ids))
}

/// How long the pointer (or focus) rests on a highlight before its tooltip shows, and after it
/// leaves before the tooltip goes: tooltips do not flicker while the pointer crosses the text,
/// and the frame that paints the pointer's move does not also lay out a tooltip.
const HOVER_DELAY_MS: u32 = 120;

#[component]
pub fn ArticleView(state: AppState, article_ref: NodeRef<leptos::html::Article>) -> impl IntoView {
    let (article, blocks) = state.ws.with_untracked(|w| (w.article().clone(), w.text().blocks().to_vec()));
    let hover = RwSignal::new(None::<Hover>);
    // The pointer handler only notes which mark it is over; measuring the mark (which forces
    // a layout) and rendering the tooltip wait for HOVER_DELAY_MS, so moving the pointer
    // costs next to nothing.
    let over = StoredValue::new_local(None::<web_sys::Element>);
    // The pending hover timer, owned by this view: when the view is replaced (another article
    // opened), the timer is dropped with it and never fires into its disposed signals.
    // Some while a timer is pending.
    let timer = StoredValue::new_local(None::<gloo_timers::callback::Timeout>);
    let lit = StoredValue::new_local(None::<web_sys::Element>);
    let show_hover = move |target: Option<web_sys::EventTarget>| {
        let mark = target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("mark[data-annotation-ids]").ok().flatten());
        let same = over.with_value(|o| match (o, &mark) {
            (Some(a), Some(b)) => a.is_same_node(Some(b)),
            (None, None) => true,
            _ => false,
        });
        if same {
            return;
        }
        over.set_value(mark);
        if timer.with_value(Option::is_some) {
            return;
        }
        let pending = gloo_timers::callback::Timeout::new(HOVER_DELAY_MS, move || {
            // Dropping the running timer is safe (see `mount_next`).
            timer.set_value(None);
            // The hover shade goes on with the tooltip, not with `:hover`: a shade on every
            // pointer move repainted the article in the frame of the move itself.
            let now = over.with_value(|o| o.clone());
            lit.update_value(|lit| {
                if let Some(old) = lit.take() {
                    let _ = old.remove_attribute("data-hover");
                }
                if let Some(m) = &now {
                    let _ = m.set_attribute("data-hover", "");
                }
                *lit = now.clone();
            });
            let next = now.and_then(|mark| {
                let (_, ids) = mark_ids(Some(mark.clone().into()))?;
                let r = mark.get_bounding_client_rect();
                let (sx, sy) = (window().scroll_x().unwrap_or(0.0), window().scroll_y().unwrap_or(0.0));
                Some(Hover { ids, left: r.left() + sx, top: r.bottom() + sy + 6.0 })
            });
            if hover.get_untracked() != next {
                hover.set(next);
            }
        });
        timer.set_value(Some(pending));
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let collapsed = window().get_selection().ok().flatten().is_none_or(|s| s.is_collapsed());
        if !collapsed {
            return;
        }
        if let Some((_, ids)) = mark_ids(ev.target()) {
            state.select_from_highlight(&ids);
        }
    };
    let caret = StoredValue::new(None);
    let caret_box = RwSignal::new(None::<(f64, f64, f64)>);
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        if key == "Enter" || key == "Delete" || key == "Backspace" {
            if let Some((_, ids)) = mark_ids(ev.target()) {
                ev.prevent_default();
                on_mark_key(state, &key, &ids, article_ref);
            }
            return;
        }
        if let Some(el) = article_ref.get_untracked() {
            caret_keys::handle(state, &el, &ev, caret, caret_box);
        }
    };
    // Only blocks near the viewport carry their highlights; the observer says which are.
    let near = StoredValue::new_local(None::<super::near_blocks::NearObserver>);
    Effect::new(move |_| {
        if let Some(el) = article_ref.get() {
            let observer = super::near_blocks::observe(state, &el);
            if observer.is_none() {
                state.all_near();
            }
            near.set_value(observer);
        }
    });
    // The language helps the browser pick fonts, hyphenation and the screen reader's voice.
    let lang = article.language.clone();
    // The date line follows the article's details as they are edited (the text never changes,
    // so the rest of the view is not rebuilt).
    let date = Memo::new(move |_| state.ws.with(|w| w.article().published.clone().or_else(|| w.article().date.clone())));
    let dateline = move || {
        date.get().map(|iso| {
            let shown = iso.replacen('T', " ", 1);
            let shown = shown.strip_suffix(":00").unwrap_or(&shown).to_string();
            view! { <p class="dateline"><time datetime=iso>{shown}</time></p> }
        })
    };
    // One block's element, drawn from its own trigger.
    let blocks = std::sync::Arc::new(blocks);
    let block_view = {
        let blocks = blocks.clone();
        move |i: usize| -> AnyView {
            let b = blocks[i];
            let start = b.range.start().to_string();
            let html = move || {
                // Only the block's own trigger is tracked: subscribing 800 effects to the list of
                // triggers made every re-render pay for removing itself from an 800-entry list. The
                // list is replaced only with another article, which rebuilds this whole view.
                if let Some(t) = state.blocks.with_untracked(|v| v.get(i).cloned()) {
                    t.track();
                }
                match state.draw_block(i) {
                    Draw::Marks => BlockHtml::Marks(state.drawn.with_value(|drawn| {
                        state.ws.with_untracked(|w| w.block_html_with(i, state.selected.get_untracked().as_ref(), drawn))
                    })),
                    Draw::Text => BlockHtml::Text(state.ws.with_untracked(|w| w.block_text(i))),
                    Draw::Keep => BlockHtml::Keep,
                }
            };
            match b.kind {
                BlockKind::Headline => leptos::html::h1()
                    .attr("data-block", i.to_string())
                    .attr("data-o", start)
                    .attr("dir", "auto")
                    .inner_html(html)
                    .into_any(),
                BlockKind::Paragraph => leptos::html::p()
                    .attr("data-block", i.to_string())
                    .attr("data-o", start)
                    .attr("dir", "auto")
                    .inner_html(html)
                    .into_any(),
            }
        }
    };
    // The blocks of the first screens are built now; the rest follow in slices, one per task,
    // so that opening a long article never holds the page up (see `mount_plan`).
    let lens: Vec<usize> = blocks.iter().map(|b| b.range.len()).collect();
    let slices = crate::mount_plan::mount_slices(&lens, FIRST_SLICE_CHARS, SLICE_BLOCKS, SLICE_CHARS);
    let shown: Vec<RwSignal<bool>> = (0..slices.len()).map(|k| RwSignal::new(k == 0)).collect();
    let mut dateline = Some(dateline);
    let mut children: Vec<AnyView> = Vec::with_capacity(slices.first().map_or(0, |s| s.len()) + slices.len() + 1);
    for (k, slice) in slices.iter().cloned().enumerate() {
        if k == 0 {
            for i in slice {
                if blocks[i].kind == BlockKind::Paragraph {
                    if let Some(d) = dateline.take() {
                        children.push(d.into_any());
                    }
                }
                children.push(block_view(i));
            }
            // The date line sits after the headline, before the first paragraph.
            if let Some(d) = dateline.take() {
                children.push(d.into_any());
            }
        } else {
            let (flag, block_view) = (shown[k], block_view.clone());
            children.push((move || flag.get().then(|| slice.clone().map(&block_view).collect_view())).into_any());
        }
    }
    let shown = StoredValue::new(shown);
    let mounter = StoredValue::new_local(None::<gloo_timers::callback::Timeout>);
    mount_next(shown, 1, mounter, near, article_ref);
    view! {
        <article
            class="article"
            lang=lang
            node_ref=article_ref
            on:mouseover=move |ev| show_hover(ev.target())
            on:mouseleave=move |_| show_hover(None)
            // Only a focused highlight shows (or hides) the tooltip: focus on the article
            // itself must not hide a tooltip the pointer opened.
            on:focusin=move |ev| if mark_ids(ev.target()).is_some() { show_hover(ev.target()) }
            on:focusout=move |ev| {
                if mark_ids(ev.target()).is_some() {
                    show_hover(None);
                }
                caret_box.set(None);
            }
            on:mousedown=move |_| caret_box.set(None)
            on:click=on_click
            on:keydown=on_keydown
            tabindex="0"
            aria-label="Article"
            aria-describedby="article-keys"
        >
            {children}
        </article>
        // Read to screen readers with the article, and shown while the article has keyboard focus.
        <p id="article-keys" class="keys-help">
            "Keyboard: arrow keys move a caret, Ctrl+arrows move by word, Shift with them selects. C, F or Q tags the selection. ] and [ go to the next and previous highlight; Enter opens it and Delete removes it. ? lists every shortcut."
        </p>
        <div class="visually-hidden">
            {Tag::ALL.into_iter().map(|t| view! { <span id=format!("tag-desc-{}", t.as_str())>{t.label()}</span> }).collect_view()}
        </div>
        <CaretMark caret_box />
        <Tooltip state hover />
    }
}

/// Characters of blocks built with the view; the rest are built in slices.
const FIRST_SLICE_CHARS: usize = 20_000;
/// At most this many blocks, and about this many characters, are built in one task.
const SLICE_BLOCKS: usize = 250;
const SLICE_CHARS: usize = 100_000;

/// Puts slice `k` of the article's blocks into the page in the next task, then the following
/// ones, each in a task of its own. The timer lives in the view's own `mounter`: when another
/// article replaces the view, it is dropped and nothing more is built.
fn mount_next(
    shown: StoredValue<Vec<RwSignal<bool>>>,
    k: usize,
    mounter: StoredValue<Option<gloo_timers::callback::Timeout>, LocalStorage>,
    near: StoredValue<Option<super::near_blocks::NearObserver>, LocalStorage>,
    article_ref: NodeRef<leptos::html::Article>,
) {
    let next = gloo_timers::callback::Timeout::new(0, move || {
        // The slice before is in the page now: the viewport observer watches its blocks too.
        if let Some(el) = article_ref.get_untracked() {
            near.try_with_value(|n| n.as_ref().map(|n| n.watch_new(&el)));
        }
        let Some(flag) = shown.try_with_value(|s| s.get(k).copied()).flatten() else { return };
        flag.set(true);
        mount_next(shown, k + 1, mounter, near, article_ref);
    });
    // Replacing the timer that is running now is safe: wasm-bindgen frees a closure that is
    // dropped during its own call only when the call returns.
    mounter.set_value(Some(next));
}

/// Tags and notes of the highlight under the pointer or focus.
#[component]
fn Tooltip(state: AppState, hover: RwSignal<Option<Hover>>) -> impl IntoView {
    move || {
        let h = hover.get()?;
        let rows = state.ws.with(|w| {
            h.ids
                .iter()
                .filter_map(|id| w.annotations().get(id))
                .map(|a| (a.tag, if a.note.is_empty() { "No note".to_string() } else { a.note.clone() }))
                .collect::<Vec<_>>()
        });
        Some(view! {
            <div class="tooltip" role="tooltip" id="highlight-tooltip" style=format!("left:{}px;top:{}px", h.left, h.top)>
                {rows.into_iter().map(|(tag, note)| view! {
                    <p><span class=format!("tag-chip tag-{}", tag.as_str())>{tag.label()}</span>" "{note}</p>
                }).collect_view()}
            </div>
        })
    }
}

/// Enter opens a focused highlight in the editor (focus goes to its note); Delete or
/// Backspace removes it (the selected one if it is here, else the innermost).
fn on_mark_key(state: AppState, key: &str, ids: &[AnnotationId], article_ref: NodeRef<leptos::html::Article>) {
    if key == "Enter" {
        state.open_from_highlight(ids);
        request_animation_frame(|| {
            if let Some(el) = document().query_selector(".editor textarea.note").ok().flatten() {
                let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el).focus();
            }
        });
        return;
    }
    let selected = state.selected.get_untracked().filter(|s| ids.contains(s));
    if let Some(id) = selected.or_else(|| ids.last().cloned()) {
        state.delete(&id);
        if let Some(el) = article_ref.get_untracked() {
            let _ = el.focus();
        }
    }
}

/// The keyboard caret, drawn while nothing is selected (a collapsed DOM selection is
/// invisible in text that is not editable).
#[component]
fn CaretMark(caret_box: RwSignal<CaretBox>) -> impl IntoView {
    move || {
        caret_box.get().map(|(left, top, height)| {
            view! { <div class="caret" aria-hidden="true" style=format!("left:{left}px;top:{top}px;height:{height}px")></div> }
        })
    }
}
