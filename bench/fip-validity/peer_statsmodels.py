#!/usr/bin/python3
"""Floor for `jobvej fip-validity`: the same models in pandas / statsmodels / scikit-learn on the
same answers.csv + outcomes.csv, as a whole process (interpreter start, imports, read, models,
JSON out). Per item: round-1 answers, complete cases, Logit of employed_6m on [1, value] (params,
bse, pvalues, Wald CI), roc_auc_score of the value; per index (content/instruments/fip-v1.json,
every item of the index): the mean of its items on complete cases, Cronbach's alpha by numpy.
No input validation beyond what pandas does.

  /usr/bin/python3 bench/fip-validity/peer_statsmodels.py answers.csv outcomes.csv out.json
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import statsmodels.api as sm
from sklearn.metrics import roc_auc_score

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')


def model(x, y):
    res = sm.Logit(y, sm.add_constant(x, has_constant='add')).fit(disp=0, method='newton')
    ci = np.exp(res.conf_int()[1])
    return {'n': int(len(y)), 'log_odds': float(res.params[1]), 'se': float(res.bse[1]), 'odds_ratio': float(np.exp(res.params[1])),
            'ci_low': float(ci[0]), 'ci_high': float(ci[1]), 'p_value': float(res.pvalues[1]), 'auc': float(roc_auc_score(y, x))}


def main(answers, outcomes, out):
    inst = json.load(open(os.path.join(ROOT, 'content', 'instruments', 'fip-v1.json')))
    a = pd.read_csv(answers, dtype={'person_id': str, 'value': 'float64'})
    o = pd.read_csv(outcomes, dtype={'person_id': str}).set_index('person_id')['employed_6m']
    r1 = a[a['round'] == 1].pivot(index='person_id', columns='item_id', values='value')
    y_all = o.reindex(r1.index).astype(float)
    items = []
    for it in inst['items']:
        x = r1[it['id']].dropna()
        items.append({'item_id': it['id'], 'respondent': it['respondent'], **model(x.to_numpy(), y_all[x.index].to_numpy())})
    indices = []
    for d in inst['indices']:
        members = [it['id'] for it in inst['items'] if it['index'] == d['id']]
        block = r1[members].dropna()
        X = block.to_numpy()
        k = X.shape[1]
        alpha = float(k / (k - 1) * (1 - X.var(axis=0, ddof=1).sum() / X.sum(axis=1).var(ddof=1))) if k > 1 else None
        indices.append({'index': d['id'], 'items': members, 'alpha': alpha, **model(block.mean(axis=1).to_numpy(), y_all[block.index].to_numpy())})
    with open(out, 'w') as f:
        json.dump({'items': items, 'indices': indices, 'warnings': []}, f)


if __name__ == '__main__':
    main(*sys.argv[1:4])
