//! A document a view loads. In the browser it is a `LocalResource`: fetched
//! when the view needs it, fetched again on Retry, abandoned with the view.
//! While prerendering (`ssr`) the same call reads the published file at
//! once, so the view's `Suspense` renders its content, not its skeleton.

#[cfg(not(feature = "ssr"))]
pub use leptos::prelude::LocalResource as ApiResource;

#[cfg(feature = "ssr")]
pub use ready::ApiResource;

#[cfg(feature = "ssr")]
mod ready {
    use std::future::{Future, IntoFuture, Pending, Ready};

    use futures::future::Either;
    use futures::FutureExt;
    use leptos::prelude::*;

    /// The prerendering twin of `LocalResource`: its value is known when it
    /// is created (the published files answer at once, without waiting).
    pub struct ApiResource<T: Send + Sync + 'static>(StoredValue<Option<T>>);

    impl<T: Send + Sync + 'static> Clone for ApiResource<T> {
        fn clone(&self) -> Self {
            *self
        }
    }

    impl<T: Send + Sync + 'static> Copy for ApiResource<T> {}

    impl<T: Clone + Send + Sync + 'static> ApiResource<T> {
        pub fn new<Fut>(fetcher: impl Fn() -> Fut + 'static) -> Self
        where
            Fut: Future<Output = T> + 'static,
        {
            // Already inside the renderer's executor: poll once. A fetcher
            // that would wait (none does) leaves the skeleton in the page.
            ApiResource(StoredValue::new(fetcher().now_or_never()))
        }

        /// Nothing to fetch again: the files do not change during a render.
        pub fn refetch(&self) {}

        pub fn get(&self) -> Option<T> {
            self.0.try_get_value().flatten()
        }
    }

    impl<T: Clone + Send + Sync + 'static> IntoFuture for ApiResource<T> {
        type Output = T;
        type IntoFuture = Either<Ready<T>, Pending<T>>;

        fn into_future(self) -> Self::IntoFuture {
            match self.get() {
                Some(value) => Either::Left(std::future::ready(value)),
                None => Either::Right(std::future::pending()),
            }
        }
    }
}
