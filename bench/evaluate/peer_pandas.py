#!/usr/bin/python3
"""Peer comparison for `jobvej evaluate`: the core of the same design in pandas / numpy /
statsmodels, on the same persons.csv + weeks.csv (bench/evaluate/generate.ts).

Read (weeks.csv in chunks), panel (persons x weeks status codes), stacked quarterly cohorts
with eligibility, the 8 outcome shares over weeks 0..51, the covariates (female, age, years
since arrival, origin dummies with < 30 persons pooled, pre-window employment / placement /
benefit shares, cohort dummies), then per subgroup (all, gender=F, gender=M): the logit score
model (statsmodels Logit, Newton), 1:1 nearest-neighbour PSM on the logit within cohort with
replacement and a 0.2 SD caliper, and IPW (ATT weights). Point estimates only: no standard
errors, no periods, no balance table, no report. Meant to be timed as a whole process:

  /usr/bin/time -v /usr/bin/python3 bench/evaluate/peer_pandas.py .bench-data/10k-260w [out.json]

Run with Debian's /usr/bin/python3 (pandas, statsmodels, scikit-learn from apt).
"""
import datetime as dt
import json
import sys
import time
import warnings

import numpy as np
import pandas as pd
import statsmodels.api as sm

STATUSES = ['none', 'employment', 'igu', 'praktik_private', 'praktik_public', 'wage_subsidy_private',
            'wage_subsidy_public', 'guidance_upskilling', 'education', 'integration_benefit', 'other_benefit']
CODE = {s: i for i, s in enumerate(STATUSES)}
OUTCOMES = {
    'employment': [1, 2], 'self_sufficiency': [1, 2, 0], 'education': [8], 'igu': [2],
    'praktik_private': [3], 'praktik_public': [4], 'wage_subsidy': [5, 6], 'guidance_upskilling': [7],
}
W = 52
EPOCH = dt.date(1970, 1, 1)


def week_of_days(days):
    """ISO-week index (Monday-based, 1970-01-01 is a Thursday) of day numbers since the epoch."""
    return (np.asarray(days) + 3) // 7


def week_of_label(label):
    y, w = int(label[:4]), int(label[6:8])
    return int(week_of_days((dt.date.fromisocalendar(y, w, 1) - EPOCH).days))


def main(folder, out=None):
    warnings.filterwarnings('ignore', category=RuntimeWarning)  # statsmodels' first Newton steps overflow exp()
    t0 = time.perf_counter()
    stages = {}
    persons = pd.read_csv(f'{folder}/persons.csv', dtype={'person_id': str, 'gender': str, 'origin_country': str, 'group': str, 'start_date': str})
    n_p = len(persons)
    pid = pd.Index(persons['person_id'])
    arrival = pd.to_datetime(persons['arrival_date']).values.astype('datetime64[D]').astype(np.int64)
    start = pd.to_datetime(persons['start_date']).values.astype('datetime64[D]')
    participant = (persons['group'] == 'participant').to_numpy()
    female = persons['gender'].isin(['F', 'K']).to_numpy().astype(float)

    # weeks.csv in chunks: person index, week index, status code
    parts = []
    week_cache = {}
    for ch in pd.read_csv(f'{folder}/weeks.csv', chunksize=5_000_000, dtype={'person_id': str, 'week': 'category', 'status': 'category'}):
        wk_cats = ch['week'].cat.categories
        for c in wk_cats:
            if c not in week_cache:
                week_cache[c] = week_of_label(c)
        wk = np.array([week_cache[c] for c in wk_cats], dtype=np.int32)[ch['week'].cat.codes.to_numpy()]
        st = np.array([CODE[c] for c in ch['status'].cat.categories], dtype=np.uint8)[ch['status'].cat.codes.to_numpy()]
        pi = pid.get_indexer(ch['person_id']).astype(np.int32)
        parts.append((pi, wk, st))
    stages['read'] = time.perf_counter() - t0

    t = time.perf_counter()
    w0 = min(int(p[1].min()) for p in parts)
    w1 = max(int(p[1].max()) for p in parts)
    nw = w1 - w0 + 1
    panel = np.zeros((n_p, nw), dtype=np.uint8)
    for pi, wk, st in parts:
        panel[pi, wk - w0] = st
    del parts
    stages['panel'] = time.perf_counter() - t

    t = time.perf_counter()
    arr_week = week_of_days(arrival)
    last = w1

    def eligible(p, ref):
        col = ref - w0
        inside = (col >= 0) & (col < nw)
        s = np.where(inside, panel[p, np.clip(col, 0, nw - 1)], 0)
        return (arr_week[p] < ref) & (s != 1) & (s != 2) & (s != 8)

    tp = np.nonzero(participant)[0]
    sdays = start[tp].astype(np.int64)
    tref = week_of_days(sdays)
    sdate = start[tp].astype('datetime64[M]').astype(np.int64)  # months since 1970-01
    tq = sdate // 3
    ok = eligible(tp, tref) & (tref + W - 1 <= last)
    tp, tref, tq = tp[ok], tref[ok], tq[ok]
    controls = np.nonzero(~participant)[0]
    person, ref, cohort, treated, labels = [], [], [], [], []
    for q in np.unique(tq):
        first_day = (np.datetime64('1970-01', 'M') + np.timedelta64(int(q) * 3, 'M')).astype('datetime64[D]').astype(np.int64)
        cref = int(week_of_days(first_day + 3))
        if cref + W - 1 > last:
            continue
        k = len(labels)
        labels.append(q)
        m = tq == q
        person.append(tp[m]); ref.append(tref[m]); cohort.append(np.full(m.sum(), k)); treated.append(np.ones(m.sum(), np.uint8))
        c = controls[eligible(controls, np.full(len(controls), cref))]
        person.append(c); ref.append(np.full(len(c), cref)); cohort.append(np.full(len(c), k)); treated.append(np.zeros(len(c), np.uint8))
    person = np.concatenate(person); ref = np.concatenate(ref); cohort = np.concatenate(cohort); treated = np.concatenate(treated)
    n = len(person)

    def window(offset):
        cols = (ref - w0 + offset)[:, None] + np.arange(W)[None, :]
        inside = (cols >= 0) & (cols < nw)
        return np.where(inside, panel[person[:, None], np.clip(cols, 0, nw - 1)], 0)

    post = window(0)
    pre = window(-W)
    ys = {o: np.isin(post, codes).sum(axis=1) / W for o, codes in OUTCOMES.items()}
    ref_days = ref * 7 - 3
    age = (np.datetime64('1970-01-01') + ref_days.astype('timedelta64[D]')).astype('datetime64[Y]').astype(int) + 1970 - persons['birth_year'].to_numpy()[person]
    cov = {
        'female': female[person],
        'age': age.astype(float),
        'years_since_arrival': (ref_days - arrival[person]) / 365.25,
    }
    origin = persons['origin_country'].to_numpy()
    counts = pd.Series(origin).value_counts()
    level = np.where(pd.Series(origin).map(counts).to_numpy() < 30, 'other', origin)
    lc = pd.Series(level).value_counts()
    order = sorted(lc.index, key=lambda v: (-lc[v], v))
    lvl_u = level[person]
    for v in order[1:]:
        cov[f'origin={v}'] = (lvl_u == v).astype(float)
    cov['pre_employment_share'] = np.isin(pre, [1, 2]).sum(axis=1) / W
    cov['pre_placement_share'] = np.isin(pre, [3, 4]).sum(axis=1) / W
    cov['pre_benefit_share'] = np.isin(pre, [9, 10]).sum(axis=1) / W
    for k in range(1, len(labels)):
        cov[f'cohort={k}'] = (cohort == k).astype(float)
    del post, pre
    Xall = np.column_stack([np.ones(n)] + list(cov.values()))
    stages['design'] = time.perf_counter() - t

    results = []
    stages['score model'] = stages['matching'] = stages['estimates'] = 0.0
    g_female = female[person] == 1
    for label, rows in [('all', np.arange(n)), ('gender=F', np.nonzero(g_female)[0]), ('gender=M', np.nonzero(~g_female)[0])]:
        t = time.perf_counter()
        X = Xall[rows]
        keep = [0] + [j for j in range(1, X.shape[1]) if X[:, j].min() != X[:, j].max()]
        X = X[:, keep]
        tr = treated[rows]
        fit = sm.Logit(tr, X).fit(method='newton', disp=0, maxiter=25)
        logit = X @ fit.params
        score = 1 / (1 + np.exp(-logit))
        stages['score model'] += time.perf_counter() - t

        t = time.perf_counter()
        caliper = 0.2 * logit.std(ddof=1)
        coh = cohort[rows]
        t_idx, c_idx = [], []
        for k in np.unique(coh):
            ti = np.nonzero((coh == k) & (tr == 1))[0]
            ci = np.nonzero((coh == k) & (tr == 0))[0]
            if len(ci) == 0:
                continue
            order_c = ci[np.argsort(logit[ci], kind='stable')]
            sl = logit[order_c]
            pos = np.searchsorted(sl, logit[ti])
            lo = np.clip(pos - 1, 0, len(sl) - 1)
            hi = np.clip(pos, 0, len(sl) - 1)
            best = np.where(np.abs(logit[ti] - sl[lo]) <= np.abs(sl[hi] - logit[ti]), lo, hi)
            ok = np.abs(sl[best] - logit[ti]) <= caliper
            t_idx.append(ti[ok]); c_idx.append(order_c[best[ok]])
        t_idx = np.concatenate(t_idx); c_idx = np.concatenate(c_idx)
        stages['matching'] += time.perf_counter() - t

        t = time.perf_counter()
        wc = np.where(tr == 0, score / (1 - np.minimum(score, 1 - 1e-12)), 0.0)
        for o, y in ys.items():
            yg = y[rows]
            mt = yg[tr == 1].mean()
            naive = mt - yg[tr == 0].mean()
            psm = (yg[t_idx] - yg[c_idx]).mean()
            ipw = mt - np.sum(wc * yg) / np.sum(wc)
            results.append({'outcome': o, 'subgroup': label, 'naive': naive, 'psm': psm, 'ipw': ipw})
        stages['estimates'] += time.perf_counter() - t

    total = time.perf_counter() - t0
    sys.stderr.write(json.dumps({'units': int(n), 'stages': {k: round(v, 2) for k, v in stages.items()}, 'total': round(total, 2)}) + '\n')
    if out:
        with open(out, 'w') as f:
            json.dump({'units': int(n), 'results': results}, f, indent=1)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
