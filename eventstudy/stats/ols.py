r"""Batched ordinary least squares over many estimation windows at once.

Each row ``i`` of ``y`` is one event's estimation window; ``mask[i, l]`` says whether
observation ``l`` is used (both the return and the regressors present). Rows are fitted
together with closed-form sums (constant mean, market model) or batched normal
equations (``einsum`` + :func:`numpy.linalg.solve`, factor models); no Python loop runs
per event.

For row :math:`i` with design :math:`X_i` (:math:`L_i \times k`, the used rows only)

.. math::

    \hat\theta_i = (X_i'X_i)^{-1} X_i'y_i, \qquad
    \hat\sigma_i^2 = \frac{\hat\varepsilon_i'\hat\varepsilon_i}{L_i - k}.

References
----------
MacKinlay, A. C. (1997). Event studies in economics and finance. *Journal of Economic
Literature* 35(1), 13-39.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["BatchOLS", "ols_none", "ols_constant", "ols_market", "ols_batched"]


@dataclass(frozen=True)
class BatchOLS:
    """OLS fits of ``n`` estimation windows.

    Attributes
    ----------
    params
        ``(n, k)`` estimates (intercept first).
    xtx_inv
        ``(n, k, k)`` :math:`(X'X)^{-1}` of each fit.
    nobs
        ``(n,)`` observations used, :math:`L_i`.
    rss
        ``(n,)`` residual sum of squares.
    resid
        ``(n, L)`` residuals, NaN where the observation was not used.
    singular
        ``(n,)`` whether :math:`X'X` was singular (the fit is then meaningless).
    """

    params: np.ndarray
    xtx_inv: np.ndarray
    nobs: np.ndarray
    rss: np.ndarray
    resid: np.ndarray
    singular: np.ndarray

    @property
    def k(self) -> int:
        return int(self.params.shape[1])

    @property
    def df_resid(self) -> np.ndarray:
        return self.nobs - self.k

    @property
    def sigma2(self) -> np.ndarray:
        r""":math:`\hat\sigma^2 = RSS / (L_i - k)` (NaN when there are no degrees of freedom)."""
        df = self.df_resid
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(df > 0, self.rss / np.where(df > 0, df, 1), np.nan)


def _resid_stats(resid: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    r0 = np.where(mask, resid, 0.0)
    rss = np.einsum("nl,nl->n", r0, r0)
    resid = np.where(mask, resid, np.nan)
    return resid, rss


def ols_none(y: np.ndarray, mask: np.ndarray) -> BatchOLS:
    """No parameters: the residuals are ``y`` itself (market-adjusted returns)."""
    n = y.shape[0]
    resid, rss = _resid_stats(y, mask)
    return BatchOLS(
        params=np.empty((n, 0)),
        xtx_inv=np.empty((n, 0, 0)),
        nobs=mask.sum(axis=1),
        rss=rss,
        resid=resid,
        singular=np.zeros(n, dtype=bool),
    )


def ols_constant(y: np.ndarray, mask: np.ndarray) -> BatchOLS:
    """Regression on a constant: the estimation-window mean (constant-mean model)."""
    nobs = mask.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        mu = np.where(mask, y, 0.0).sum(axis=1) / nobs
        inv = (1.0 / nobs)[:, None, None]
    resid, rss = _resid_stats(y - mu[:, None], mask)
    return BatchOLS(mu[:, None], inv, nobs, rss, resid, nobs == 0)


def ols_market(y: np.ndarray, x: np.ndarray, mask: np.ndarray) -> BatchOLS:
    r"""Market model :math:`y = \alpha + \beta x + \varepsilon` by centred sums.

    .. math::

        \hat\beta = \frac{\sum (x_t - \bar x)(y_t - \bar y)}{\sum (x_t - \bar x)^2},\quad
        \hat\alpha = \bar y - \hat\beta \bar x,\quad
        (X'X)^{-1} = \begin{pmatrix} 1/L + \bar x^2/S_{xx} & -\bar x/S_{xx} \\
        -\bar x/S_{xx} & 1/S_{xx}\end{pmatrix}.
    """
    n, L = y.shape
    full = bool(mask.all())
    if full:
        nobs = np.full(n, L, dtype=np.int64)
        ym, xm = y, x
    else:
        nobs = mask.sum(axis=1)
        ym = np.where(mask, y, 0.0)
        xm = np.where(mask, x, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        xbar = xm.sum(axis=1) / nobs
        ybar = ym.sum(axis=1) / nobs
        xc = xm - xbar[:, None]
        if not full:
            xc *= mask
        sxx = np.einsum("nl,nl->n", xc, xc)
        sxy = np.einsum("nl,nl->n", xc, ym)
        singular = ~(sxx > 1e-12 * (sxx + nobs * xbar**2)) | (nobs < 2)
        sxx_safe = np.where(singular, 1.0, sxx)
        beta = sxy / sxx_safe
        alpha = ybar - beta * xbar
        inv = np.empty((n, 2, 2))
        inv[:, 0, 0] = 1.0 / nobs + xbar**2 / sxx_safe
        inv[:, 0, 1] = inv[:, 1, 0] = -xbar / sxx_safe
        inv[:, 1, 1] = 1.0 / sxx_safe
    resid = np.multiply(x, -beta[:, None], out=xc)
    resid += y
    resid -= alpha[:, None]
    if full:
        rss = np.einsum("nl,nl->n", resid, resid)
    else:
        resid[~mask] = np.nan
        r0 = np.where(mask, resid, 0.0)
        rss = np.einsum("nl,nl->n", r0, r0)
    return BatchOLS(np.stack([alpha, beta], axis=1), inv, nobs, rss, resid, singular)


def ols_batched(y: np.ndarray, X: np.ndarray, mask: np.ndarray) -> BatchOLS:
    r"""General OLS of ``y`` (``(n, L)``) on ``X`` (``(n, L, k)``, intercept column included).

    Solves the ``n`` normal equations :math:`X_i'X_i\theta_i = X_i'y_i` together.
    Singular systems are flagged (by matrix rank) and solved with the identity instead.
    """
    n, _, k = X.shape
    Xm = np.where(mask[:, :, None], X, 0.0)
    ym = np.where(mask, y, 0.0)
    xtx = np.einsum("nlk,nlj->nkj", Xm, Xm)
    xty = np.einsum("nlk,nl->nk", Xm, ym)
    nobs = mask.sum(axis=1)
    singular = (np.linalg.matrix_rank(xtx) < k) | (nobs < k)
    if singular.any():
        xtx[singular] = np.eye(k)
    params = np.linalg.solve(xtx, xty[:, :, None])[:, :, 0]
    inv = np.linalg.inv(xtx)
    fitted = np.einsum("nlk,nk->nl", np.where(mask[:, :, None], X, 0.0), params)
    resid, rss = _resid_stats(y - fitted, mask)
    return BatchOLS(params, inv, nobs, rss, resid, singular)
