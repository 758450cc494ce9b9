/// Declares an area's texts: a struct with one field per text, and its English (`EN`) and Spanish (`ES`)
/// values, written side by side so that a text missing from either language fails to compile.
///
/// ```ignore
/// texts! {
///     /// The projects list.
///     Projects {
///         title: "Projects", "Proyectos";
///         shown(shown: usize, total: usize):
///             format!("{shown} of {total} projects"),
///             format!("{shown} de {total} proyectos");
///     }
/// }
/// ```
///
/// A plain text is a `&'static str` field. A text with values is a function field, called as a method of the
/// same name (`t().projects().shown(1, 2)`); its two bodies see the arguments by name.
macro_rules! texts {
    ($(#[$meta:meta])* $name:ident { $($body:tt)* }) => {
        texts!(@parse $name [$(#[$meta])*] [] [] [] [] $($body)*);
    };
    // `key: "English", "Español";`
    (@parse $name:ident [$($meta:tt)*] [$($fields:tt)*] [$($en:tt)*] [$($es:tt)*] [$($methods:tt)*]
        $(#[doc = $doc:literal])* $key:ident : $english:literal, $spanish:literal; $($rest:tt)*) => {
        texts!(@parse $name [$($meta)*]
            [$($fields)* $(#[doc = $doc])* pub $key: &'static str,]
            [$($en)* $key: $english,]
            [$($es)* $key: $spanish,]
            [$($methods)*]
            $($rest)*);
    };
    // `key(value: Type, ...): english_expression, spanish_expression;`
    (@parse $name:ident [$($meta:tt)*] [$($fields:tt)*] [$($en:tt)*] [$($es:tt)*] [$($methods:tt)*]
        $(#[doc = $doc:literal])* $key:ident ( $($arg:ident : $ty:ty),* $(,)? ) : $english:expr, $spanish:expr;
        $($rest:tt)*) => {
        texts!(@parse $name [$($meta)*]
            [$($fields)* $(#[doc = $doc])* pub $key: fn($($ty),*) -> String,]
            [$($en)* $key: { fn english($($arg: $ty),*) -> String { $english } english },]
            [$($es)* $key: { fn spanish($($arg: $ty),*) -> String { $spanish } spanish },]
            [$($methods)* $(#[doc = $doc])* pub fn $key(&self, $($arg: $ty),*) -> String { (self.$key)($($arg),*) }]
            $($rest)*);
    };
    (@parse $name:ident [$($meta:tt)*] [$($fields:tt)*] [$($en:tt)*] [$($es:tt)*] [$($methods:tt)*]) => {
        $($meta)*
        pub struct $name { $($fields)* }

        #[allow(dead_code)]
        impl $name {
            $($methods)*
        }

        /// The English texts.
        pub const EN: $name = $name { $($en)* };
        /// The Spanish texts.
        pub const ES: $name = $name { $($es)* };
    };
}
