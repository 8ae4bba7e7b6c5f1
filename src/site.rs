//! The static parts of the site, rendered natively from the app's own components (Yew's
//! server-side rendering) by `icp-advisor site`: the first screens written into `index.html`,
//! the static FAQ pages and the rule map. (Filled in below.)
