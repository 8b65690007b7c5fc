//! The UI's IPC layer is generated from the Rust command list. This test reads
//! the `#[tauri::command]` functions that `commands::register` hands to
//! `generate_handler!`, and writes `ui/src/lib/commands.gen.ts`: one typed
//! wrapper per command and the `Commands` map (each command's arguments, named
//! as the page must send them, and what it resolves to), which the UI's fake
//! backend must implement in full. It fails when the checked-in file is stale;
//! run `make bindings` (UPDATE_BINDINGS=1 cargo test --test command_bindings)
//! to refresh it. A renamed command or argument then fails `npm run check`
//! (part of every app build) wherever the UI or the fake still uses the old name.
//!
//! Types named in a signature must be ts-rs bindings (`make bindings` writes
//! those too, checked by tests/bindings.rs); the few standard ones (numbers,
//! strings, paths, `Vec`, `Option`, `Channel`) are mapped here.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use syn::punctuated::Punctuated;
use syn::visit::Visit;
use syn::{FnArg, GenericArgument, ItemFn, Pat, PathArguments, ReturnType, Token, Type};

const GENERATED: &str = "ui/src/lib/commands.gen.ts";

/// The id newtypes of `clio_core::ids` (serde transparent): plain numbers on the page.
const ID_TYPES: &[&str] = &["DocumentId", "CardId", "AnnotationId"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One IPC command as the page sees it.
#[derive(Debug)]
struct Command {
    /// The name `invoke` takes: the Rust function's name.
    name: String,
    docs: Vec<String>,
    args: Vec<Arg>,
    returns: String,
}

#[derive(Debug)]
struct Arg {
    /// The key the page sends: Tauri turns snake_case parameters into camelCase.
    key: String,
    ts: String,
    /// A `Channel<T>`: the wrapper takes a callback for its messages.
    channel_of: Option<String>,
}

/// What a Rust signature was turned into, and the bindings it needs.
#[derive(Default)]
struct Types {
    imports: BTreeSet<String>,
    channel: bool,
}

/// Tauri's own conversion of a command parameter's name (`rename_all = "camelCase"`).
fn camel_case(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.trim_start_matches("r#").chars() {
        if c == '_' {
            upper = !out.is_empty();
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn last_segment(path: &syn::TypePath) -> &syn::PathSegment {
    path.path
        .segments
        .last()
        .expect("a type path has a segment")
}

fn generic_args(segment: &syn::PathSegment) -> Vec<&Type> {
    match &segment.arguments {
        PathArguments::AngleBracketed(args) => args
            .args
            .iter()
            .filter_map(|a| match a {
                GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn only_arg<'a>(segment: &'a syn::PathSegment, what: &str) -> Result<&'a Type, String> {
    match generic_args(segment).as_slice() {
        [t] => Ok(t),
        _ => Err(format!("{what} takes one type argument")),
    }
}

/// Wraps a union in parentheses where a postfix `[]` follows.
fn array_of(ts: String) -> String {
    if ts.contains(' ') {
        format!("({ts})[]")
    } else {
        format!("{ts}[]")
    }
}

/// The TypeScript type of a value that crosses the IPC boundary as JSON.
fn ts_type(ty: &Type, types: &mut Types, bindings: &Path) -> Result<String, String> {
    match ty {
        Type::Reference(r) => ts_type(&r.elem, types, bindings),
        Type::Tuple(t) if t.elems.is_empty() => Ok("null".into()),
        Type::Slice(s) => Ok(array_of(ts_type(&s.elem, types, bindings)?)),
        Type::Path(p) => {
            let segment = last_segment(p);
            let name = segment.ident.to_string();
            Ok(match name.as_str() {
                "i8" | "i16" | "i32" | "i64" | "isize" | "u8" | "u16" | "u32" | "u64" | "usize"
                | "f32" | "f64" => "number".into(),
                // clio_core::ids: numbers in JSON, as the raw ids were.
                _ if ID_TYPES.contains(&name.as_str()) => "number".into(),
                "bool" => "boolean".into(),
                "String" | "str" | "PathBuf" | "Path" => "string".into(),
                "Vec" => array_of(ts_type(only_arg(segment, "Vec")?, types, bindings)?),
                "Option" => format!(
                    "{} | null",
                    ts_type(only_arg(segment, "Option")?, types, bindings)?
                ),
                "Channel" => {
                    types.channel = true;
                    format!(
                        "Channel<{}>",
                        ts_type(only_arg(segment, "Channel")?, types, bindings)?
                    )
                }
                _ if !generic_args(segment).is_empty() => {
                    return Err(format!("no TypeScript mapping for the generic type {name}"))
                }
                _ => {
                    if !bindings.join(format!("{name}.ts")).is_file() {
                        return Err(format!(
                            "{name} has no ts-rs binding in ui/src/lib/bindings; derive TS for it and add it to tests/bindings.rs"
                        ));
                    }
                    types.imports.insert(name.clone());
                    name
                }
            })
        }
        other => Err(format!("no TypeScript mapping for `{}`", quote_type(other))),
    }
}

fn quote_type(ty: &Type) -> String {
    quote::ToTokens::to_token_stream(ty).to_string()
}

/// Parameters Tauri fills in itself; the page never sends them.
fn is_injected(ty: &Type) -> bool {
    match ty {
        Type::Path(p) => matches!(
            last_segment(p).ident.to_string().as_str(),
            "State" | "AppHandle" | "Window" | "WebviewWindow" | "Webview"
        ),
        _ => false,
    }
}

/// What the command resolves to: `T` of `CommandResult<T>` or `Result<T, _>`
/// (the error is always a `CommandError`), a plain `T`, or nothing.
fn return_type(output: &ReturnType, types: &mut Types, bindings: &Path) -> Result<String, String> {
    let ty = match output {
        ReturnType::Default => return Ok("null".into()),
        ReturnType::Type(_, ty) => ty,
    };
    if let Type::Path(p) = &**ty {
        let segment = last_segment(p);
        match segment.ident.to_string().as_str() {
            "CommandResult" => {
                return ts_type(only_arg(segment, "CommandResult")?, types, bindings)
            }
            "Result" => {
                let args = generic_args(segment);
                let is_command_error = matches!(args.get(1),
                    Some(Type::Path(e)) if last_segment(e).ident == "CommandError");
                if args.len() != 2 || !is_command_error {
                    return Err("a command's Result must fail with CommandError".into());
                }
                return ts_type(args[0], types, bindings);
            }
            _ => {}
        }
    }
    ts_type(ty, types, bindings)
}

fn docs_of(attrs: &[syn::Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value().trim().to_string()),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

fn is_command_attr(attr: &syn::Attribute) -> Result<bool, String> {
    let segments: Vec<String> = attr
        .path()
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    if segments != ["tauri", "command"] && segments != ["command"] {
        return Ok(false);
    }
    // `rename_all`, `rename` and friends would change the names on the page.
    match &attr.meta {
        syn::Meta::Path(_) => Ok(true),
        _ => Err(format!(
            "#[{}(…)] options are not supported by this generator",
            segments.join("::")
        )),
    }
}

fn command(item: &ItemFn, types: &mut Types, bindings: &Path) -> Result<Command, String> {
    let name = item.sig.ident.to_string();
    let mut found = false;
    for attr in &item.attrs {
        found |= is_command_attr(attr).map_err(|e| format!("{name}: {e}"))?;
    }
    if !found {
        return Err(format!(
            "{name} is registered but is not a #[tauri::command]"
        ));
    }
    let mut args = Vec::new();
    for input in &item.sig.inputs {
        let FnArg::Typed(arg) = input else {
            return Err(format!("{name}: a command takes no self"));
        };
        if is_injected(&arg.ty) {
            continue;
        }
        let Pat::Ident(ident) = &*arg.pat else {
            return Err(format!("{name}: each parameter needs a plain name"));
        };
        let ts = ts_type(&arg.ty, types, bindings).map_err(|e| format!("{name}: {e}"))?;
        let channel_of = ts
            .strip_prefix("Channel<")
            .and_then(|t| t.strip_suffix('>'))
            .map(str::to_string);
        args.push(Arg {
            key: camel_case(&ident.ident.to_string()),
            ts,
            channel_of,
        });
    }
    let returns =
        return_type(&item.sig.output, types, bindings).map_err(|e| format!("{name}: {e}"))?;
    Ok(Command {
        name,
        docs: docs_of(&item.attrs),
        args,
        returns,
    })
}

/// The paths listed in `generate_handler![…]`.
#[derive(Default)]
struct HandlerList(Vec<syn::Path>);

impl<'ast> Visit<'ast> for HandlerList {
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        if mac
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "generate_handler")
        {
            let paths = mac
                .parse_body_with(Punctuated::<syn::Path, Token![,]>::parse_terminated)
                .expect("generate_handler! lists command paths");
            self.0.extend(paths);
        }
    }
}

fn parse(file: &Path) -> syn::File {
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

/// Every registered command, in the order `generate_handler!` lists them, and
/// the types their signatures need.
fn commands() -> (Vec<Command>, Types) {
    commands_in(&root().join("src-tauri"))
}

/// The commands of the shell whose sources are in `src`.
fn commands_in(src: &Path) -> (Vec<Command>, Types) {
    let bindings = root().join("ui/src/lib/bindings");
    let mut handlers = HandlerList::default();
    handlers.visit_file(&parse(&src.join("commands.rs")));
    assert!(
        !handlers.0.is_empty(),
        "found no generate_handler! list in src-tauri/commands.rs"
    );
    let mut files: BTreeMap<String, syn::File> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut out = Vec::new();
    let mut types = Types::default();
    for path in &handlers.0 {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        // `name` lives in commands.rs; `crate::module::name` in module.rs.
        let (module, name) = match segments.as_slice() {
            [name] => ("commands".to_string(), name.clone()),
            [krate, module, name] if krate == "crate" => (module.clone(), name.clone()),
            _ => {
                problems.push(format!("cannot find the file of {}", segments.join("::")));
                continue;
            }
        };
        let file = files
            .entry(module.clone())
            .or_insert_with(|| parse(&src.join(format!("{module}.rs"))));
        let item = file.items.iter().find_map(|item| match item {
            syn::Item::Fn(f) if f.sig.ident == name => Some(f),
            _ => None,
        });
        match item {
            Some(f) => match command(f, &mut types, &bindings) {
                Ok(c) => out.push(c),
                Err(e) => problems.push(e),
            },
            None => problems.push(format!("no fn {name} in src-tauri/{module}.rs")),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    (out, types)
}

fn jsdoc(docs: &[String], indent: &str) -> String {
    if docs.is_empty() {
        return String::new();
    }
    let mut out = format!("{indent}/**\n");
    for line in docs {
        let line = line.replace("*/", "*\\/");
        if line.is_empty() {
            out.push_str(&format!("{indent} *\n"));
        } else {
            out.push_str(&format!("{indent} * {line}\n"));
        }
    }
    out.push_str(&format!("{indent} */\n"));
    out
}

fn wrapper_name(command: &str) -> String {
    camel_case(command)
}

fn generated() -> String {
    generated_from(&root().join("src-tauri"))
}

fn generated_from(src: &Path) -> String {
    let (commands, types) = commands_in(src);

    let mut ts = String::new();
    ts.push_str(
        "// Generated by tests/command_bindings.rs from the #[tauri::command] functions that\n\
         // src-tauri/commands.rs registers. Do not edit: change the Rust command and run\n\
         // `make bindings`.\n\n",
    );
    if types.channel {
        ts.push_str("import type { Channel } from '@tauri-apps/api/core';\n");
        ts.push_str("import { call, channel } from './ipcCall';\n");
    } else {
        ts.push_str("import { call } from './ipcCall';\n");
    }
    for name in &types.imports {
        writeln!(ts, "import type {{ {name} }} from './bindings/{name}';").unwrap();
    }

    ts.push_str(
        "\n/**\n * Every command the shell registers: the arguments the page sends (named as\n \
         * Tauri expects them, camelCase) and what the command resolves to. Each\n \
         * command rejects with a `CommandError`.\n */\nexport interface Commands {\n",
    );
    for c in &commands {
        let fields: Vec<String> = c
            .args
            .iter()
            .map(|a| format!("{}: {}", a.key, a.ts))
            .collect();
        let returns = if c.returns == "null" {
            "void"
        } else {
            &c.returns
        };
        ts.push_str(&interface_entry(&c.name, &fields, returns));
    }
    ts.push_str("}\n\nexport type CommandName = keyof Commands;\n");
    ts.push_str("export type CommandArgs<C extends CommandName> = Commands[C]['args'];\n");
    ts.push_str("export type CommandReturn<C extends CommandName> = Commands[C]['returns'];\n\n");
    ts.push_str("/** The names of every command, in the order the shell registers them. */\n");
    ts.push_str("export const COMMAND_NAMES: readonly CommandName[] = [\n");
    for c in &commands {
        writeln!(ts, "  '{}',", c.name).unwrap();
    }
    ts.push_str("];\n");

    for c in &commands {
        ts.push('\n');
        ts.push_str(&jsdoc(&c.docs, ""));
        let params: Vec<String> = c
            .args
            .iter()
            .map(|a| match &a.channel_of {
                Some(message) => format!("{}: (message: {message}) => void", a.key),
                None => format!("{}: {}", a.key, a.ts),
            })
            .collect();
        let sent: Vec<String> = c
            .args
            .iter()
            .map(|a| match &a.channel_of {
                Some(_) => format!("{0}: channel({0})", a.key),
                None => a.key.clone(),
            })
            .collect();
        let returns = if c.returns == "null" {
            "void"
        } else {
            &c.returns
        };
        ts.push_str(&wrapper(&c.name, &params, returns, &sent));
    }
    ts
}

/// Prettier's line width for the UI (ui/.prettierrc.json): the generated file
/// is laid out as prettier would lay it out, so a formatting check passes it.
const WIDTH: usize = 130;

/// One line of the `Commands` interface, broken as prettier breaks it when too long.
fn interface_entry(name: &str, fields: &[String], returns: &str) -> String {
    let args = if fields.is_empty() {
        "Record<string, never>".to_string()
    } else {
        format!("{{ {} }}", fields.join("; "))
    };
    let line = format!("  {name}: {{ args: {args}; returns: {returns} }};\n");
    if line.len() <= WIDTH + 1 {
        return line;
    }
    let mut args_part = format!("    args: {args};\n");
    if args_part.len() > WIDTH + 1 {
        args_part = "    args: {\n".to_string();
        for field in fields {
            args_part.push_str(&format!("      {field};\n"));
        }
        args_part.push_str("    };\n");
    }
    format!("  {name}: {{\n{args_part}    returns: {returns};\n  }};\n")
}

/// A wrapper function, its parameters and its argument object broken as
/// prettier breaks them when a line is too long.
fn wrapper(command: &str, params: &[String], returns: &str, sent: &[String]) -> String {
    let name = wrapper_name(command);
    let mut out = format!(
        "export function {name}({}): Promise<{returns}> {{\n",
        params.join(", ")
    );
    if out.len() > WIDTH + 1 {
        out = format!("export function {name}(\n");
        for param in params {
            out.push_str(&format!("  {param},\n"));
        }
        out.push_str(&format!("): Promise<{returns}> {{\n"));
    }
    let object = if sent.is_empty() {
        "{}".to_string()
    } else {
        format!("{{ {} }}", sent.join(", "))
    };
    let call = format!("  return call('{command}', {object});\n");
    if call.len() <= WIDTH + 1 {
        out.push_str(&call);
    } else {
        out.push_str(&format!("  return call('{command}', {{\n"));
        for arg in sent {
            out.push_str(&format!("    {arg},\n"));
        }
        out.push_str("  });\n");
    }
    out.push_str("}\n");
    out
}

#[test]
fn parameter_names_are_camel_cased_as_tauri_does() {
    assert_eq!(camel_case("document_id"), "documentId");
    assert_eq!(camel_case("on_progress"), "onProgress");
    assert_eq!(camel_case("with_scheduling"), "withScheduling");
    assert_eq!(camel_case("ids"), "ids");
    assert_eq!(camel_case("r#type"), "type");
}

#[test]
fn every_registered_command_is_found_with_its_arguments() {
    let (commands, _) = commands();
    let names: BTreeSet<&str> = commands.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), commands.len(), "a command is registered twice");
    let review = commands.iter().find(|c| c.name == "review_answer").unwrap();
    let keys: Vec<&str> = review.args.iter().map(|a| a.key.as_str()).collect();
    // `state` is Tauri's; the rest are sent camelCased.
    assert_eq!(keys, ["cardId", "rating", "durationMs", "mode"]);
    assert_eq!(review.args[2].ts, "number | null");
    assert_eq!(review.returns, "ReviewStatus");
    let export = commands.iter().find(|c| c.name == "export_cards").unwrap();
    assert_eq!(
        export.args.last().unwrap().channel_of.as_deref(),
        Some("Progress")
    );
    let ready = commands.iter().find(|c| c.name == "app_ready").unwrap();
    assert!(ready.args.is_empty());
    assert_eq!(ready.returns, "null");
}

/// What `make bindings` would write after `document_cards`' `document_id` was
/// renamed in Rust: the key the page must send changes with it, so the
/// checked-in file is stale (the test below fails) until it is regenerated,
/// and then every caller still sending `documentId` fails the type check.
#[test]
fn a_renamed_argument_changes_the_generated_wrappers() {
    let src = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(root().join("src-tauri")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            std::fs::copy(&path, src.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let commands_rs = src.path().join("commands.rs");
    let text = std::fs::read_to_string(&commands_rs).unwrap();
    let original =
        "pub async fn document_cards(\n    state: State<'_, AppState>,\n    document_id: DocumentId,";
    assert!(
        text.contains(original),
        "document_cards changed; update this test"
    );
    let renamed = text.replace(
        original,
        "pub async fn document_cards(\n    state: State<'_, AppState>,\n    doc_id: DocumentId,",
    );
    std::fs::write(&commands_rs, renamed).unwrap();

    let before = generated();
    let after = generated_from(src.path());
    assert_ne!(before, after);
    assert!(
        before.contains("document_cards: { args: { documentId: number }; returns: StoredCard[] };")
    );
    assert!(after.contains("document_cards: { args: { docId: number }; returns: StoredCard[] };"));
    assert!(after.contains("export function documentCards(docId: number): Promise<StoredCard[]> {"));
}

#[test]
fn checked_in_command_wrappers_match_the_rust_commands() {
    let file = root().join(GENERATED);
    let text = generated();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&file, &text).unwrap();
    }
    let on_disk = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        on_disk == text,
        "{GENERATED} is stale (a command or one of its arguments changed in src-tauri); run `make bindings`\n{}",
        first_difference(&on_disk, &text)
    );
}

/// The first line that differs, so the failure says what changed.
fn first_difference(on_disk: &str, wanted: &str) -> String {
    let mut a = on_disk.lines();
    let mut b = wanted.lines();
    for n in 1.. {
        match (a.next(), b.next()) {
            (None, None) => break,
            (x, y) if x == y => continue,
            (x, y) => {
                return format!(
                    "line {n}:\n  checked in: {}\n  generated:  {}",
                    x.unwrap_or("(end of file)"),
                    y.unwrap_or("(end of file)")
                )
            }
        }
    }
    String::new()
}
