; TypeScript highlighting for folio's tree-sitter engine.
;
; Taken from the highlight queries of tree-sitter-javascript 0.23.1
; (queries/highlights.scm) and tree-sitter-typescript 0.23.2
; (queries/highlights.scm), both MIT-licensed (Copyright (c) 2014 Max Brunsfeld;
; tree-sitter-typescript: Copyright (c) 2017 GitHub), JavaScript's first as
; tree-sitter's own TypeScript configuration does. Captures folio's themes don't
; colour (variables, properties, operators, punctuation) are left out: each
; pattern costs when the query is compiled and when it runs. The capture names
; map to folio's classes in `tree.rs`.

; Functions and methods, where defined and where called

(function_expression
  name: (identifier) @function)
(function_declaration
  name: (identifier) @function)
(method_definition
  name: (property_identifier) @function)

(pair
  key: (property_identifier) @function
  value: [(function_expression) (arrow_function)])

(assignment_expression
  left: (member_expression
    property: (property_identifier) @function)
  right: [(function_expression) (arrow_function)])

(variable_declarator
  name: (identifier) @function
  value: [(function_expression) (arrow_function)])

(assignment_expression
  left: (identifier) @function
  right: [(function_expression) (arrow_function)])

(call_expression
  function: (identifier) @function)

(call_expression
  function: (member_expression
    property: (property_identifier) @function))

; Special identifiers

((identifier) @type
 (#match? @type "^[A-Z]"))

([
    (identifier)
    (shorthand_property_identifier)
    (shorthand_property_identifier_pattern)
 ] @constant
 (#match? @constant "^[A-Z_][A-Z\\d_]+$"))

; Literals

(this) @keyword
(super) @keyword

[
  (true)
  (false)
  (null)
  (undefined)
] @constant

(comment) @comment

[
  (string)
  (template_string)
] @string

(regex) @string
(number) @constant
(escape_sequence) @constant

; What `${…}` holds inside a template string is code, not string.
(template_substitution) @embedded

[
  "as"
  "async"
  "await"
  "break"
  "case"
  "catch"
  "class"
  "const"
  "continue"
  "debugger"
  "default"
  "delete"
  "do"
  "else"
  "export"
  "extends"
  "finally"
  "for"
  "from"
  "function"
  "get"
  "if"
  "import"
  "in"
  "instanceof"
  "let"
  "new"
  "of"
  "return"
  "set"
  "static"
  "switch"
  "target"
  "throw"
  "try"
  "typeof"
  "var"
  "void"
  "while"
  "with"
  "yield"
] @keyword

; TypeScript

(type_identifier) @type
(predefined_type) @type

(required_parameter (identifier) @parameter)
(optional_parameter (identifier) @parameter)

[ "abstract"
  "declare"
  "enum"
  "implements"
  "interface"
  "keyof"
  "namespace"
  "private"
  "protected"
  "public"
  "type"
  "readonly"
  "override"
  "satisfies"
] @keyword
