//! Who may talk to the editor: the browser on this machine, through the address it was given, from
//! the editor's own pages.
//!
//! A server on loopback is still reachable by any page open in the same browser: a page elsewhere
//! can post a form to `127.0.0.1`, and a name that the attacker's DNS points at `127.0.0.1` (DNS
//! rebinding) lets their script read the answers as if same-origin. So, in edit mode:
//!
//! - every request must name the served address in `Host` (`127.0.0.1:3000`, `localhost:3000`,
//!   `[::1]:3000`): a rebound name does not, so the private edition is never read through it;
//! - a write is a POST whose `Origin` (or, when a browser sends none, `Referer`) is the served
//!   address: another site's form is refused before its body is read;
//! - every form carries the session's secret token ([`Token`]), made from the operating system's
//!   random numbers when the server starts and shown only in the editor's own pages.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The secret every form of this session carries.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// A new token of 32 random bytes, in hex.
    pub fn new() -> std::io::Result<Token> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
        Ok(Token(bytes.iter().map(|b| format!("{b:02x}")).collect()))
    }

    /// The token as forms carry it.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `given` is this token, compared in constant time.
    pub fn matches(&self, given: &str) -> bool {
        let (a, b) = (self.0.as_bytes(), given.as_bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

/// The token is a secret: debug output never shows it.
impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(..)")
    }
}

/// The addresses the server answers to: `Host` values, each also an origin as `http://<host>`.
#[derive(Debug, Clone)]
pub struct Served {
    hosts: Vec<String>,
}

impl Served {
    /// The names of a loopback server on `addr`.
    pub fn new(addr: std::net::SocketAddr) -> Served {
        let port = addr.port();
        let mut hosts = vec![format!("localhost:{port}")];
        match addr.ip() {
            std::net::IpAddr::V4(ip) => hosts.push(format!("{ip}:{port}")),
            std::net::IpAddr::V6(ip) => hosts.push(format!("[{ip}]:{port}")),
        }
        Served { hosts }
    }

    fn is_host(&self, host: &str) -> bool {
        self.hosts.iter().any(|h| h.eq_ignore_ascii_case(host))
    }

    /// Whether `origin` (`http://127.0.0.1:3000`) is one of the served addresses.
    fn is_origin(&self, origin: &str) -> bool {
        origin
            .strip_prefix("http://")
            .is_some_and(|host| self.is_host(host))
    }

    /// Whether the `Referer` `url` is a page of the served addresses.
    fn is_referrer(&self, url: &str) -> bool {
        let Some(rest) = url.strip_prefix("http://") else {
            return false;
        };
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        self.is_host(host)
    }
}

/// Why a request was refused, said to whoever sent it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// `Host` is missing or another name than the served address.
    Host,
    /// A write came from another site, or said nowhere where it came from.
    Origin,
    /// The form's token is missing or wrong.
    Token,
}

impl Refusal {
    /// The message shown.
    pub fn message(self) -> &'static str {
        match self {
            Refusal::Host => {
                "refused: the editor answers only to the address it printed (such as \
                 http://127.0.0.1:3000/); open that address"
            }
            Refusal::Origin => {
                "refused: this change did not come from the editor's own pages; open the page \
                 from the address the editor printed and save it again"
            }
            Refusal::Token => {
                "refused: the form is from another editing session (the editor was restarted); \
                 reload the page and make the change again"
            }
        }
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let status = match self {
            Refusal::Host => StatusCode::MISDIRECTED_REQUEST,
            Refusal::Origin | Refusal::Token => StatusCode::FORBIDDEN,
        };
        (
            status,
            [(header::CACHE_CONTROL, "no-store")],
            format!("{}\n", self.message()),
        )
            .into_response()
    }
}

/// Checks `Host` on every request, and where a write comes from on every POST.
pub fn check(served: &Served, method: &Method, headers: &HeaderMap) -> Result<(), Refusal> {
    let header = |name| headers.get(name).and_then(|v| v.to_str().ok());
    if !header(header::HOST).is_some_and(|h| served.is_host(h)) {
        return Err(Refusal::Host);
    }
    if method == Method::GET || method == Method::HEAD {
        return Ok(());
    }
    let from_here = match (header(header::ORIGIN), header(header::REFERER)) {
        (Some(origin), _) => served.is_origin(origin),
        (None, Some(referrer)) => served.is_referrer(referrer),
        (None, None) => false,
    };
    if from_here {
        Ok(())
    } else {
        Err(Refusal::Origin)
    }
}

/// The middleware of [`check`], over every route of an editing server.
pub async fn middleware(State(served): State<Served>, req: Request, next: Next) -> Response {
    match check(&served, req.method(), req.headers()) {
        Ok(()) => next.run(req).await,
        Err(refusal) => refusal.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(k.clone(), HeaderValue::from_str(v).unwrap());
        }
        h
    }

    fn served() -> Served {
        Served::new("127.0.0.1:3000".parse().unwrap())
    }

    #[test]
    fn reads_need_the_served_host() {
        let get = Method::GET;
        assert_eq!(
            check(
                &served(),
                &get,
                &headers(&[(header::HOST, "127.0.0.1:3000")])
            ),
            Ok(())
        );
        assert_eq!(
            check(
                &served(),
                &get,
                &headers(&[(header::HOST, "localhost:3000")])
            ),
            Ok(())
        );
        for host in ["evil.example:3000", "127.0.0.1:3001", "127.0.0.1"] {
            let h = headers(&[(header::HOST, host)]);
            assert_eq!(check(&served(), &get, &h), Err(Refusal::Host), "{host}");
        }
        assert_eq!(
            check(&served(), &get, &HeaderMap::new()),
            Err(Refusal::Host)
        );
    }

    #[test]
    fn writes_need_the_served_origin() {
        let post = Method::POST;
        let host = (header::HOST, "127.0.0.1:3000");
        let ok = headers(&[host.clone(), (header::ORIGIN, "http://127.0.0.1:3000")]);
        assert_eq!(check(&served(), &post, &ok), Ok(()));
        let referred = headers(&[host.clone(), (header::REFERER, "http://localhost:3000/a/")]);
        assert_eq!(check(&served(), &post, &referred), Ok(()));
        for bad in [
            headers(&[host.clone(), (header::ORIGIN, "http://evil.example")]),
            headers(&[host.clone(), (header::ORIGIN, "null")]),
            headers(&[host.clone(), (header::ORIGIN, "https://127.0.0.1:3000")]),
            headers(&[
                host.clone(),
                (header::REFERER, "http://127.0.0.1:3000.evil/"),
            ]),
            headers(std::slice::from_ref(&host)),
        ] {
            assert_eq!(check(&served(), &post, &bad), Err(Refusal::Origin));
        }
    }

    #[test]
    fn tokens_are_random_and_compared_whole() {
        let a = Token::new().unwrap();
        let b = Token::new().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 64);
        assert!(a.matches(a.as_str()));
        assert!(!a.matches(b.as_str()));
        assert!(!a.matches(&a.as_str()[..63]));
        assert!(!a.matches(""));
        assert!(!format!("{a:?}").contains(a.as_str()));
    }
}
