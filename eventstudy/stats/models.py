r"""Expected-return models of an event study (MacKinlay 1997, section 4).

Each model turns the regressors of an estimation window into a batched OLS fit and the
regressors of the event window into expected returns. The abnormal return of event
:math:`i` on day :math:`t` is :math:`AR_{it} = R_{it} - E[R_{it} \mid X_t]`.

=====================  =====================================  ===========
model                  expected return                        parameters
=====================  =====================================  ===========
``"constant-mean"``    :math:`\mu_i`                          1
``"market-adjusted"``  :math:`R_{mt}`                         0
``"market"``           :math:`\alpha_i + \beta_i R_{mt}`      2
``"factor"``           :math:`\alpha_i + \beta_i' F_t`        1 + K
=====================  =====================================  ===========

The factor model takes user-supplied factor returns (e.g. Fama-French three factors or
Carhart four factors); give excess returns of the securities if the factors are excess
returns.

References
----------
MacKinlay, A. C. (1997). Event studies in economics and finance. *Journal of Economic
Literature* 35(1), 13-39.
Fama, E. F., French, K. R. (1993). Common risk factors in the returns on stocks and bonds.
*Journal of Financial Economics* 33(1), 3-56.
Carhart, M. M. (1997). On persistence in mutual fund performance. *Journal of Finance*
52(1), 57-82.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..policies import ModelName, validate
from .ols import BatchOLS, ols_batched, ols_constant, ols_market, ols_none

__all__ = ["ExpectedReturnModel", "ConstantMean", "MarketAdjusted", "MarketModel", "FactorModel", "get_model"]


@dataclass(frozen=True)
class ExpectedReturnModel:
    """Base of the expected-return models. ``Z`` holds the non-constant regressors ``(n, L, p)``."""

    name: ModelName = "market"
    label: str = ""
    uses_benchmark: bool = False
    uses_factors: bool = False
    constant: bool = True

    def n_params(self, n_regressors: int) -> int:
        return int(self.constant) + n_regressors

    def fit(self, y: np.ndarray, Z: np.ndarray, mask: np.ndarray) -> BatchOLS:  # pragma: no cover
        raise NotImplementedError

    def design(self, Z: np.ndarray) -> np.ndarray:
        """The full design matrix ``(n, T, k)``: a constant column then ``Z``."""
        if not self.constant:
            return Z[:, :, :0]
        ones = np.ones(Z.shape[:2] + (1,))
        return np.concatenate([ones, Z], axis=2)

    def expected(self, params: np.ndarray, Z: np.ndarray) -> np.ndarray:
        """Expected returns ``(n, T)`` on the days of ``Z``."""
        return np.einsum("ntk,nk->nt", self.design(Z), params)


@dataclass(frozen=True)
class ConstantMean(ExpectedReturnModel):
    r"""Constant-mean-return model :math:`R_{it} = \mu_i + \varepsilon_{it}`."""

    name: ModelName = "constant-mean"
    label: str = "constant mean"

    def fit(self, y: np.ndarray, Z: np.ndarray, mask: np.ndarray) -> BatchOLS:
        return ols_constant(y, mask)

    def expected(self, params: np.ndarray, Z: np.ndarray) -> np.ndarray:
        return np.broadcast_to(params[:, :1], Z.shape[:2]).copy()


@dataclass(frozen=True)
class MarketAdjusted(ExpectedReturnModel):
    r"""Market-adjusted returns :math:`AR_{it} = R_{it} - R_{mt}` (no estimated parameters)."""

    name: ModelName = "market-adjusted"
    label: str = "market-adjusted"
    uses_benchmark: bool = True
    constant: bool = False

    def n_params(self, n_regressors: int) -> int:
        return 0

    def fit(self, y: np.ndarray, Z: np.ndarray, mask: np.ndarray) -> BatchOLS:
        return ols_none(y - Z[:, :, 0], mask)

    def design(self, Z: np.ndarray) -> np.ndarray:
        return Z[:, :, :0]

    def expected(self, params: np.ndarray, Z: np.ndarray) -> np.ndarray:
        return Z[:, :, 0].copy()


@dataclass(frozen=True)
class MarketModel(ExpectedReturnModel):
    r"""Single-index market model :math:`R_{it} = \alpha_i + \beta_i R_{mt} + \varepsilon_{it}` (OLS)."""

    name: ModelName = "market"
    label: str = "market model (OLS)"
    uses_benchmark: bool = True

    def fit(self, y: np.ndarray, Z: np.ndarray, mask: np.ndarray) -> BatchOLS:
        return ols_market(y, Z[:, :, 0], mask)

    def expected(self, params: np.ndarray, Z: np.ndarray) -> np.ndarray:
        return params[:, :1] + params[:, 1:2] * Z[:, :, 0]


@dataclass(frozen=True)
class FactorModel(ExpectedReturnModel):
    r"""Factor model :math:`R_{it} = \alpha_i + \sum_j \beta_{ij} F_{jt} + \varepsilon_{it}` (OLS)."""

    name: ModelName = "factor"
    label: str = "factor model (OLS)"
    uses_factors: bool = True

    def fit(self, y: np.ndarray, Z: np.ndarray, mask: np.ndarray) -> BatchOLS:
        return ols_batched(y, self.design(Z), mask)


_MODELS: dict[str, type[ExpectedReturnModel]] = {
    "constant-mean": ConstantMean,
    "market-adjusted": MarketAdjusted,
    "market": MarketModel,
    "factor": FactorModel,
}


def get_model(model: ModelName | ExpectedReturnModel) -> ExpectedReturnModel:
    """The model object for a name (``"market"``, ...) or the object itself."""
    if isinstance(model, ExpectedReturnModel):
        return model
    return _MODELS[validate(model, ModelName, "model")]()
