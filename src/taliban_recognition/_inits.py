"""The ``__init__`` and unchecked maker of each record class, written ahead of time.

``scripts/write_inits.py`` writes this file from the record classes, and a test requires
it to be current; see `taliban_recognition._record`. Do not edit it.
"""
# mypy: ignore-errors

def _factory_0(_set, _new, _cls, _d9, _d10, _d11):
    def __init__(self, version, sha256, as_of, coverage_start, sources, actors, events, statuses, notes, references=_d9, recognitions=_d10, representations=_d11):
        _set(self, 'version', version)
        _set(self, 'sha256', sha256)
        _set(self, 'as_of', as_of)
        _set(self, 'coverage_start', coverage_start)
        _set(self, 'sources', sources)
        _set(self, 'actors', actors)
        _set(self, 'events', events)
        _set(self, 'statuses', statuses)
        _set(self, 'notes', notes)
        _set(self, 'references', references)
        _set(self, 'recognitions', recognitions)
        _set(self, 'representations', representations)
        self.__attrs_post_init__()
    def unchecked(version, sha256, as_of, coverage_start, sources, actors, events, statuses, notes, references=_d9, recognitions=_d10, representations=_d11):
        self = _new(_cls)
        _set(self, 'version', version)
        _set(self, 'sha256', sha256)
        _set(self, 'as_of', as_of)
        _set(self, 'coverage_start', coverage_start)
        _set(self, 'sources', sources)
        _set(self, 'actors', actors)
        _set(self, 'events', events)
        _set(self, 'statuses', statuses)
        _set(self, 'notes', notes)
        _set(self, 'references', references)
        _set(self, 'recognitions', recognitions)
        _set(self, 'representations', representations)
        return self
    return __init__, unchecked

def _factory_1(_set, _new, _cls, _d4, _f0, _v0_0, _f1, _v1_0, _f2, _v2_0, _f3, _v3_0, _v3_1, _f4, _v4_0):
    def __init__(self, id, title, sha256, text, notes=_d4):
        _set(self, 'id', id)
        _set(self, 'title', title)
        _set(self, 'sha256', sha256)
        _set(self, 'text', text)
        _set(self, 'notes', notes)
        _v0_0(self, _f0, self.id)
        _v1_0(self, _f1, self.title)
        _v2_0(self, _f2, self.sha256)
        _v3_0(self, _f3, self.text)
        _v3_1(self, _f3, self.text)
        _v4_0(self, _f4, self.notes)
    def unchecked(id, title, sha256, text, notes=_d4):
        self = _new(_cls)
        _set(self, 'id', id)
        _set(self, 'title', title)
        _set(self, 'sha256', sha256)
        _set(self, 'text', text)
        _set(self, 'notes', notes)
        return self
    return __init__, unchecked

def _factory_2(_set, _new, _cls, _d4, _f0, _v0_0, _f1, _v1_0, _f2, _v2_0, _f3, _v3_0, _f4, _v4_0):
    def __init__(self, id, name, kind, country, notes=_d4):
        _set(self, 'id', id)
        _set(self, 'name', name)
        _set(self, 'kind', kind)
        _set(self, 'country', country)
        _set(self, 'notes', notes)
        _v0_0(self, _f0, self.id)
        _v1_0(self, _f1, self.name)
        _v2_0(self, _f2, self.kind)
        _v3_0(self, _f3, self.country)
        _v4_0(self, _f4, self.notes)
    def unchecked(id, name, kind, country, notes=_d4):
        self = _new(_cls)
        _set(self, 'id', id)
        _set(self, 'name', name)
        _set(self, 'kind', kind)
        _set(self, 'country', country)
        _set(self, 'notes', notes)
        return self
    return __init__, unchecked

def _factory_3(_set, _new, _cls, _d4, _d5, _d6, _d7, _d8, _f0, _v0_0, _f1, _v1_0, _f2, _v2_0, _f3, _v3_0, _f4, _v4_0, _f5, _v5_0, _f6, _v6_0, _f7, _v7_0, _f8, _v8_0):
    def __init__(self, alpha_2, alpha_3, numeric, name, cow_code=_d4, cow_abbr=_d5, gw_code=_d6, gw_abbr=_d7, gw_microstate=_d8):
        _set(self, 'alpha_2', alpha_2)
        _set(self, 'alpha_3', alpha_3)
        _set(self, 'numeric', numeric)
        _set(self, 'name', name)
        _set(self, 'cow_code', cow_code)
        _set(self, 'cow_abbr', cow_abbr)
        _set(self, 'gw_code', gw_code)
        _set(self, 'gw_abbr', gw_abbr)
        _set(self, 'gw_microstate', gw_microstate)
        _v0_0(self, _f0, self.alpha_2)
        _v1_0(self, _f1, self.alpha_3)
        _v2_0(self, _f2, self.numeric)
        _v3_0(self, _f3, self.name)
        _v4_0(self, _f4, self.cow_code)
        _v5_0(self, _f5, self.cow_abbr)
        _v6_0(self, _f6, self.gw_code)
        _v7_0(self, _f7, self.gw_abbr)
        _v8_0(self, _f8, self.gw_microstate)
    def unchecked(alpha_2, alpha_3, numeric, name, cow_code=_d4, cow_abbr=_d5, gw_code=_d6, gw_abbr=_d7, gw_microstate=_d8):
        self = _new(_cls)
        _set(self, 'alpha_2', alpha_2)
        _set(self, 'alpha_3', alpha_3)
        _set(self, 'numeric', numeric)
        _set(self, 'name', name)
        _set(self, 'cow_code', cow_code)
        _set(self, 'cow_abbr', cow_abbr)
        _set(self, 'gw_code', gw_code)
        _set(self, 'gw_abbr', gw_abbr)
        _set(self, 'gw_microstate', gw_microstate)
        return self
    return __init__, unchecked

def _factory_4(_set, _new, _cls, _d8, _d9, _d10, _d11, _f0, _v0_0, _f1, _v1_0, _f2, _v2_0, _f3, _v3_0, _f4, _v4_0, _f5, _v5_0, _f6, _v6_0, _f7, _v7_0, _f8, _v8_0, _f9, _v9_0, _f10, _v10_0, _f11, _v11_0):
    def __init__(self, id, kind, actor, target, date, date_text, summary, evidence, ongoing=_d8, notes=_d9, codes=_d10, corroboration=_d11):
        _set(self, 'id', id)
        _set(self, 'kind', kind)
        _set(self, 'actor', actor)
        _set(self, 'target', target)
        _set(self, 'date', date)
        _set(self, 'date_text', date_text)
        _set(self, 'summary', summary)
        _set(self, 'evidence', evidence)
        _set(self, 'ongoing', ongoing)
        _set(self, 'notes', notes)
        _set(self, 'codes', codes)
        _set(self, 'corroboration', corroboration)
        _v0_0(self, _f0, self.id)
        _v1_0(self, _f1, self.kind)
        _v2_0(self, _f2, self.actor)
        _v3_0(self, _f3, self.target)
        _v4_0(self, _f4, self.date)
        _v5_0(self, _f5, self.date_text)
        _v6_0(self, _f6, self.summary)
        _v7_0(self, _f7, self.evidence)
        _v8_0(self, _f8, self.ongoing)
        _v9_0(self, _f9, self.notes)
        _v10_0(self, _f10, self.codes)
        _v11_0(self, _f11, self.corroboration)
    def unchecked(id, kind, actor, target, date, date_text, summary, evidence, ongoing=_d8, notes=_d9, codes=_d10, corroboration=_d11):
        self = _new(_cls)
        _set(self, 'id', id)
        _set(self, 'kind', kind)
        _set(self, 'actor', actor)
        _set(self, 'target', target)
        _set(self, 'date', date)
        _set(self, 'date_text', date_text)
        _set(self, 'summary', summary)
        _set(self, 'evidence', evidence)
        _set(self, 'ongoing', ongoing)
        _set(self, 'notes', notes)
        _set(self, 'codes', codes)
        _set(self, 'corroboration', corroboration)
        return self
    return __init__, unchecked

def _factory_5(_set, _new, _cls, _f0, _v0_0):
    def __init__(self, earliest, latest, precision):
        _set(self, 'earliest', earliest)
        _set(self, 'latest', latest)
        _set(self, 'precision', precision)
        _v0_0(self, _f0, self.earliest)
    def unchecked(earliest, latest, precision):
        self = _new(_cls)
        _set(self, 'earliest', earliest)
        _set(self, 'latest', latest)
        _set(self, 'precision', precision)
        return self
    return __init__, unchecked

def _factory_6(_set, _new, _cls, _f0, _v0_0, _f1, _v1_0, _f2, _v2_0):
    def __init__(self, source_id, quote, start, end):
        _set(self, 'source_id', source_id)
        _set(self, 'quote', quote)
        _set(self, 'start', start)
        _set(self, 'end', end)
        _v0_0(self, _f0, self.source_id)
        _v1_0(self, _f1, self.quote)
        _v2_0(self, _f2, self.start)
    def unchecked(source_id, quote, start, end):
        self = _new(_cls)
        _set(self, 'source_id', source_id)
        _set(self, 'quote', quote)
        _set(self, 'start', start)
        _set(self, 'end', end)
        return self
    return __init__, unchecked

def _factory_7(_set, _new, _cls, _d2, _d3, _d4, _f0, _v0_0, _f1, _v1_0, _f2, _v2_0, _f3, _v3_0, _f4, _v4_0):
    def __init__(self, cameo, plover, plover_mode=_d2, plover_context=_d3, notes=_d4):
        _set(self, 'cameo', cameo)
        _set(self, 'plover', plover)
        _set(self, 'plover_mode', plover_mode)
        _set(self, 'plover_context', plover_context)
        _set(self, 'notes', notes)
        _v0_0(self, _f0, self.cameo)
        _v1_0(self, _f1, self.plover)
        _v2_0(self, _f2, self.plover_mode)
        _v3_0(self, _f3, self.plover_context)
        _v4_0(self, _f4, self.notes)
    def unchecked(cameo, plover, plover_mode=_d2, plover_context=_d3, notes=_d4):
        self = _new(_cls)
        _set(self, 'cameo', cameo)
        _set(self, 'plover', plover)
        _set(self, 'plover_mode', plover_mode)
        _set(self, 'plover_context', plover_context)
        _set(self, 'notes', notes)
        return self
    return __init__, unchecked

def _factory_8(_set, _new, _cls, _d2, _f0, _v0_0, _f1, _v1_0, _f2, _v2_0):
    def __init__(self, date, reference_id, discrepancy=_d2):
        _set(self, 'date', date)
        _set(self, 'reference_id', reference_id)
        _set(self, 'discrepancy', discrepancy)
        _v0_0(self, _f0, self.date)
        _v1_0(self, _f1, self.reference_id)
        _v2_0(self, _f2, self.discrepancy)
    def unchecked(date, reference_id, discrepancy=_d2):
        self = _new(_cls)
        _set(self, 'date', date)
        _set(self, 'reference_id', reference_id)
        _set(self, 'discrepancy', discrepancy)
        return self
    return __init__, unchecked

def _factory_9(_set, _new, _cls, _d8, _f0, _v0_0, _f1, _v1_0, _f2, _v2_0, _v2_1, _f3, _v3_0, _f4, _v4_0, _v4_1, _f5, _v5_0, _f6, _v6_0, _f7, _v7_0, _f8, _v8_0):
    def __init__(self, id, country, status, start, end, basis, events, evidence, notes=_d8):
        _set(self, 'id', id)
        _set(self, 'country', country)
        _set(self, 'status', status)
        _set(self, 'start', start)
        _set(self, 'end', end)
        _set(self, 'basis', basis)
        _set(self, 'events', events)
        _set(self, 'evidence', evidence)
        _set(self, 'notes', notes)
        _v0_0(self, _f0, self.id)
        _v1_0(self, _f1, self.country)
        _v2_0(self, _f2, self.status)
        _v2_1(self, _f2, self.status)
        _v3_0(self, _f3, self.start)
        _v4_0(self, _f4, self.end)
        _v4_1(self, _f4, self.end)
        _v5_0(self, _f5, self.basis)
        _v6_0(self, _f6, self.events)
        _v7_0(self, _f7, self.evidence)
        _v8_0(self, _f8, self.notes)
    def unchecked(id, country, status, start, end, basis, events, evidence, notes=_d8):
        self = _new(_cls)
        _set(self, 'id', id)
        _set(self, 'country', country)
        _set(self, 'status', status)
        _set(self, 'start', start)
        _set(self, 'end', end)
        _set(self, 'basis', basis)
        _set(self, 'events', events)
        _set(self, 'evidence', evidence)
        _set(self, 'notes', notes)
        return self
    return __init__, unchecked

def _factory_10(_set, _new, _cls, _d5, _d6, _f0, _v0_0, _f1, _v1_0, _f2, _v2_0, _f3, _v3_0, _f4, _v4_0, _f5, _v5_0, _f6, _v6_0):
    def __init__(self, id, title, publisher, url, date, notes=_d5, checked_on=_d6):
        _set(self, 'id', id)
        _set(self, 'title', title)
        _set(self, 'publisher', publisher)
        _set(self, 'url', url)
        _set(self, 'date', date)
        _set(self, 'notes', notes)
        _set(self, 'checked_on', checked_on)
        _v0_0(self, _f0, self.id)
        _v1_0(self, _f1, self.title)
        _v2_0(self, _f2, self.publisher)
        _v3_0(self, _f3, self.url)
        _v4_0(self, _f4, self.date)
        _v5_0(self, _f5, self.notes)
        _v6_0(self, _f6, self.checked_on)
    def unchecked(id, title, publisher, url, date, notes=_d5, checked_on=_d6):
        self = _new(_cls)
        _set(self, 'id', id)
        _set(self, 'title', title)
        _set(self, 'publisher', publisher)
        _set(self, 'url', url)
        _set(self, 'date', date)
        _set(self, 'notes', notes)
        _set(self, 'checked_on', checked_on)
        return self
    return __init__, unchecked

def _factory_11(_set, _new, _cls, _d8, _f0, _v0_0, _f1, _v1_0, _f2, _v2_0, _f3, _v3_0, _f4, _v4_0, _v4_1, _f5, _v5_0, _f6, _v6_0, _f7, _v7_0, _f8, _v8_0):
    def __init__(self, id, country, recognizes, start, end, basis, events, evidence, notes=_d8):
        _set(self, 'id', id)
        _set(self, 'country', country)
        _set(self, 'recognizes', recognizes)
        _set(self, 'start', start)
        _set(self, 'end', end)
        _set(self, 'basis', basis)
        _set(self, 'events', events)
        _set(self, 'evidence', evidence)
        _set(self, 'notes', notes)
        _v0_0(self, _f0, self.id)
        _v1_0(self, _f1, self.country)
        _v2_0(self, _f2, self.recognizes)
        _v3_0(self, _f3, self.start)
        _v4_0(self, _f4, self.end)
        _v4_1(self, _f4, self.end)
        _v5_0(self, _f5, self.basis)
        _v6_0(self, _f6, self.events)
        _v7_0(self, _f7, self.evidence)
        _v8_0(self, _f8, self.notes)
    def unchecked(id, country, recognizes, start, end, basis, events, evidence, notes=_d8):
        self = _new(_cls)
        _set(self, 'id', id)
        _set(self, 'country', country)
        _set(self, 'recognizes', recognizes)
        _set(self, 'start', start)
        _set(self, 'end', end)
        _set(self, 'basis', basis)
        _set(self, 'events', events)
        _set(self, 'evidence', evidence)
        _set(self, 'notes', notes)
        return self
    return __init__, unchecked

def _factory_12(_set, _new, _cls, _d9, _f0, _v0_0, _f1, _v1_0, _f2, _v2_0, _f3, _v3_0, _f4, _v4_0, _f5, _v5_0, _v5_1, _f6, _v6_0, _f7, _v7_0, _f8, _v8_0, _f9, _v9_0):
    def __init__(self, id, country, direction, level, start, end, basis, events, evidence, notes=_d9):
        _set(self, 'id', id)
        _set(self, 'country', country)
        _set(self, 'direction', direction)
        _set(self, 'level', level)
        _set(self, 'start', start)
        _set(self, 'end', end)
        _set(self, 'basis', basis)
        _set(self, 'events', events)
        _set(self, 'evidence', evidence)
        _set(self, 'notes', notes)
        _v0_0(self, _f0, self.id)
        _v1_0(self, _f1, self.country)
        _v2_0(self, _f2, self.direction)
        _v3_0(self, _f3, self.level)
        _v4_0(self, _f4, self.start)
        _v5_0(self, _f5, self.end)
        _v5_1(self, _f5, self.end)
        _v6_0(self, _f6, self.basis)
        _v7_0(self, _f7, self.events)
        _v8_0(self, _f8, self.evidence)
        _v9_0(self, _f9, self.notes)
    def unchecked(id, country, direction, level, start, end, basis, events, evidence, notes=_d9):
        self = _new(_cls)
        _set(self, 'id', id)
        _set(self, 'country', country)
        _set(self, 'direction', direction)
        _set(self, 'level', level)
        _set(self, 'start', start)
        _set(self, 'end', end)
        _set(self, 'basis', basis)
        _set(self, 'events', events)
        _set(self, 'evidence', evidence)
        _set(self, 'notes', notes)
        return self
    return __init__, unchecked

FACTORIES = {
    "def factory(_set, _new, _cls, _d9, _d10, _d11):\n    def __init__(self, version, sha256, as_of, coverage_start, sources, actors, events, statuses, notes, references=_d9, recognitions=_d10, representations=_d11):\n        _set(self, 'version', version)\n        _set(self, 'sha256', sha256)\n        _set(self, 'as_of', as_of)\n        _set(self, 'coverage_start', coverage_start)\n        _set(self, 'sources', sources)\n        _set(self, 'actors', actors)\n        _set(self, 'events', events)\n        _set(self, 'statuses', statuses)\n        _set(self, 'notes', notes)\n        _set(self, 'references', references)\n        _set(self, 'recognitions', recognitions)\n        _set(self, 'representations', representations)\n        self.__attrs_post_init__()\n    def unchecked(version, sha256, as_of, coverage_start, sources, actors, events, statuses, notes, references=_d9, recognitions=_d10, representations=_d11):\n        self = _new(_cls)\n        _set(self, 'version', version)\n        _set(self, 'sha256', sha256)\n        _set(self, 'as_of', as_of)\n        _set(self, 'coverage_start', coverage_start)\n        _set(self, 'sources', sources)\n        _set(self, 'actors', actors)\n        _set(self, 'events', events)\n        _set(self, 'statuses', statuses)\n        _set(self, 'notes', notes)\n        _set(self, 'references', references)\n        _set(self, 'recognitions', recognitions)\n        _set(self, 'representations', representations)\n        return self\n    return __init__, unchecked\n": _factory_0,
    "def factory(_set, _new, _cls, _d4, _f0, _v0_0, _f1, _v1_0, _f2, _v2_0, _f3, _v3_0, _v3_1, _f4, _v4_0):\n    def __init__(self, id, title, sha256, text, notes=_d4):\n        _set(self, 'id', id)\n        _set(self, 'title', title)\n        _set(self, 'sha256', sha256)\n        _set(self, 'text', text)\n        _set(self, 'notes', notes)\n        _v0_0(self, _f0, self.id)\n        _v1_0(self, _f1, self.title)\n        _v2_0(self, _f2, self.sha256)\n        _v3_0(self, _f3, self.text)\n        _v3_1(self, _f3, self.text)\n        _v4_0(self, _f4, self.notes)\n    def unchecked(id, title, sha256, text, notes=_d4):\n        self = _new(_cls)\n        _set(self, 'id', id)\n        _set(self, 'title', title)\n        _set(self, 'sha256', sha256)\n        _set(self, 'text', text)\n        _set(self, 'notes', notes)\n        return self\n    return __init__, unchecked\n": _factory_1,
    "def factory(_set, _new, _cls, _d4, _f0, _v0_0, _f1, _v1_0, _f2, _v2_0, _f3, _v3_0, _f4, _v4_0):\n    def __init__(self, id, name, kind, country, notes=_d4):\n        _set(self, 'id', id)\n        _set(self, 'name', name)\n        _set(self, 'kind', kind)\n        _set(self, 'country', country)\n        _set(self, 'notes', notes)\n        _v0_0(self, _f0, self.id)\n        _v1_0(self, _f1, self.name)\n        _v2_0(self, _f2, self.kind)\n        _v3_0(self, _f3, self.country)\n        _v4_0(self, _f4, self.notes)\n    def unchecked(id, name, kind, country, notes=_d4):\n        self = _new(_cls)\n        _set(self, 'id', id)\n        _set(self, 'name', name)\n        _set(self, 'kind', kind)\n        _set(self, 'country', country)\n        _set(self, 'notes', notes)\n        return self\n    return __init__, unchecked\n": _factory_2,
    "def factory(_set, _new, _cls, _d4, _d5, _d6, _d7, _d8, _f0, _v0_0, _f1, _v1_0, _f2, _v2_0, _f3, _v3_0, _f4, _v4_0, _f5, _v5_0, _f6, _v6_0, _f7, _v7_0, _f8, _v8_0):\n    def __init__(self, alpha_2, alpha_3, numeric, name, cow_code=_d4, cow_abbr=_d5, gw_code=_d6, gw_abbr=_d7, gw_microstate=_d8):\n        _set(self, 'alpha_2', alpha_2)\n        _set(self, 'alpha_3', alpha_3)\n        _set(self, 'numeric', numeric)\n        _set(self, 'name', name)\n        _set(self, 'cow_code', cow_code)\n        _set(self, 'cow_abbr', cow_abbr)\n        _set(self, 'gw_code', gw_code)\n        _set(self, 'gw_abbr', gw_abbr)\n        _set(self, 'gw_microstate', gw_microstate)\n        _v0_0(self, _f0, self.alpha_2)\n        _v1_0(self, _f1, self.alpha_3)\n        _v2_0(self, _f2, self.numeric)\n        _v3_0(self, _f3, self.name)\n        _v4_0(self, _f4, self.cow_code)\n        _v5_0(self, _f5, self.cow_abbr)\n        _v6_0(self, _f6, self.gw_code)\n        _v7_0(self, _f7, self.gw_abbr)\n        _v8_0(self, _f8, self.gw_microstate)\n    def unchecked(alpha_2, alpha_3, numeric, name, cow_code=_d4, cow_abbr=_d5, gw_code=_d6, gw_abbr=_d7, gw_microstate=_d8):\n        self = _new(_cls)\n        _set(self, 'alpha_2', alpha_2)\n        _set(self, 'alpha_3', alpha_3)\n        _set(self, 'numeric', numeric)\n        _set(self, 'name', name)\n        _set(self, 'cow_code', cow_code)\n        _set(self, 'cow_abbr', cow_abbr)\n        _set(self, 'gw_code', gw_code)\n        _set(self, 'gw_abbr', gw_abbr)\n        _set(self, 'gw_microstate', gw_microstate)\n        return self\n    return __init__, unchecked\n": _factory_3,
    "def factory(_set, _new, _cls, _d8, _d9, _d10, _d11, _f0, _v0_0, _f1, _v1_0, _f2, _v2_0, _f3, _v3_0, _f4, _v4_0, _f5, _v5_0, _f6, _v6_0, _f7, _v7_0, _f8, _v8_0, _f9, _v9_0, _f10, _v10_0, _f11, _v11_0):\n    def __init__(self, id, kind, actor, target, date, date_text, summary, evidence, ongoing=_d8, notes=_d9, codes=_d10, corroboration=_d11):\n        _set(self, 'id', id)\n        _set(self, 'kind', kind)\n        _set(self, 'actor', actor)\n        _set(self, 'target', target)\n        _set(self, 'date', date)\n        _set(self, 'date_text', date_text)\n        _set(self, 'summary', summary)\n        _set(self, 'evidence', evidence)\n        _set(self, 'ongoing', ongoing)\n        _set(self, 'notes', notes)\n        _set(self, 'codes', codes)\n        _set(self, 'corroboration', corroboration)\n        _v0_0(self, _f0, self.id)\n        _v1_0(self, _f1, self.kind)\n        _v2_0(self, _f2, self.actor)\n        _v3_0(self, _f3, self.target)\n        _v4_0(self, _f4, self.date)\n        _v5_0(self, _f5, self.date_text)\n        _v6_0(self, _f6, self.summary)\n        _v7_0(self, _f7, self.evidence)\n        _v8_0(self, _f8, self.ongoing)\n        _v9_0(self, _f9, self.notes)\n        _v10_0(self, _f10, self.codes)\n        _v11_0(self, _f11, self.corroboration)\n    def unchecked(id, kind, actor, target, date, date_text, summary, evidence, ongoing=_d8, notes=_d9, codes=_d10, corroboration=_d11):\n        self = _new(_cls)\n        _set(self, 'id', id)\n        _set(self, 'kind', kind)\n        _set(self, 'actor', actor)\n        _set(self, 'target', target)\n        _set(self, 'date', date)\n        _set(self, 'date_text', date_text)\n        _set(self, 'summary', summary)\n        _set(self, 'evidence', evidence)\n        _set(self, 'ongoing', ongoing)\n        _set(self, 'notes', notes)\n        _set(self, 'codes', codes)\n        _set(self, 'corroboration', corroboration)\n        return self\n    return __init__, unchecked\n": _factory_4,
    "def factory(_set, _new, _cls, _f0, _v0_0):\n    def __init__(self, earliest, latest, precision):\n        _set(self, 'earliest', earliest)\n        _set(self, 'latest', latest)\n        _set(self, 'precision', precision)\n        _v0_0(self, _f0, self.earliest)\n    def unchecked(earliest, latest, precision):\n        self = _new(_cls)\n        _set(self, 'earliest', earliest)\n        _set(self, 'latest', latest)\n        _set(self, 'precision', precision)\n        return self\n    return __init__, unchecked\n": _factory_5,
    "def factory(_set, _new, _cls, _f0, _v0_0, _f1, _v1_0, _f2, _v2_0):\n    def __init__(self, source_id, quote, start, end):\n        _set(self, 'source_id', source_id)\n        _set(self, 'quote', quote)\n        _set(self, 'start', start)\n        _set(self, 'end', end)\n        _v0_0(self, _f0, self.source_id)\n        _v1_0(self, _f1, self.quote)\n        _v2_0(self, _f2, self.start)\n    def unchecked(source_id, quote, start, end):\n        self = _new(_cls)\n        _set(self, 'source_id', source_id)\n        _set(self, 'quote', quote)\n        _set(self, 'start', start)\n        _set(self, 'end', end)\n        return self\n    return __init__, unchecked\n": _factory_6,
    "def factory(_set, _new, _cls, _d2, _d3, _d4, _f0, _v0_0, _f1, _v1_0, _f2, _v2_0, _f3, _v3_0, _f4, _v4_0):\n    def __init__(self, cameo, plover, plover_mode=_d2, plover_context=_d3, notes=_d4):\n        _set(self, 'cameo', cameo)\n        _set(self, 'plover', plover)\n        _set(self, 'plover_mode', plover_mode)\n        _set(self, 'plover_context', plover_context)\n        _set(self, 'notes', notes)\n        _v0_0(self, _f0, self.cameo)\n        _v1_0(self, _f1, self.plover)\n        _v2_0(self, _f2, self.plover_mode)\n        _v3_0(self, _f3, self.plover_context)\n        _v4_0(self, _f4, self.notes)\n    def unchecked(cameo, plover, plover_mode=_d2, plover_context=_d3, notes=_d4):\n        self = _new(_cls)\n        _set(self, 'cameo', cameo)\n        _set(self, 'plover', plover)\n        _set(self, 'plover_mode', plover_mode)\n        _set(self, 'plover_context', plover_context)\n        _set(self, 'notes', notes)\n        return self\n    return __init__, unchecked\n": _factory_7,
    "def factory(_set, _new, _cls, _d2, _f0, _v0_0, _f1, _v1_0, _f2, _v2_0):\n    def __init__(self, date, reference_id, discrepancy=_d2):\n        _set(self, 'date', date)\n        _set(self, 'reference_id', reference_id)\n        _set(self, 'discrepancy', discrepancy)\n        _v0_0(self, _f0, self.date)\n        _v1_0(self, _f1, self.reference_id)\n        _v2_0(self, _f2, self.discrepancy)\n    def unchecked(date, reference_id, discrepancy=_d2):\n        self = _new(_cls)\n        _set(self, 'date', date)\n        _set(self, 'reference_id', reference_id)\n        _set(self, 'discrepancy', discrepancy)\n        return self\n    return __init__, unchecked\n": _factory_8,
    "def factory(_set, _new, _cls, _d8, _f0, _v0_0, _f1, _v1_0, _f2, _v2_0, _v2_1, _f3, _v3_0, _f4, _v4_0, _v4_1, _f5, _v5_0, _f6, _v6_0, _f7, _v7_0, _f8, _v8_0):\n    def __init__(self, id, country, status, start, end, basis, events, evidence, notes=_d8):\n        _set(self, 'id', id)\n        _set(self, 'country', country)\n        _set(self, 'status', status)\n        _set(self, 'start', start)\n        _set(self, 'end', end)\n        _set(self, 'basis', basis)\n        _set(self, 'events', events)\n        _set(self, 'evidence', evidence)\n        _set(self, 'notes', notes)\n        _v0_0(self, _f0, self.id)\n        _v1_0(self, _f1, self.country)\n        _v2_0(self, _f2, self.status)\n        _v2_1(self, _f2, self.status)\n        _v3_0(self, _f3, self.start)\n        _v4_0(self, _f4, self.end)\n        _v4_1(self, _f4, self.end)\n        _v5_0(self, _f5, self.basis)\n        _v6_0(self, _f6, self.events)\n        _v7_0(self, _f7, self.evidence)\n        _v8_0(self, _f8, self.notes)\n    def unchecked(id, country, status, start, end, basis, events, evidence, notes=_d8):\n        self = _new(_cls)\n        _set(self, 'id', id)\n        _set(self, 'country', country)\n        _set(self, 'status', status)\n        _set(self, 'start', start)\n        _set(self, 'end', end)\n        _set(self, 'basis', basis)\n        _set(self, 'events', events)\n        _set(self, 'evidence', evidence)\n        _set(self, 'notes', notes)\n        return self\n    return __init__, unchecked\n": _factory_9,
    "def factory(_set, _new, _cls, _d5, _d6, _f0, _v0_0, _f1, _v1_0, _f2, _v2_0, _f3, _v3_0, _f4, _v4_0, _f5, _v5_0, _f6, _v6_0):\n    def __init__(self, id, title, publisher, url, date, notes=_d5, checked_on=_d6):\n        _set(self, 'id', id)\n        _set(self, 'title', title)\n        _set(self, 'publisher', publisher)\n        _set(self, 'url', url)\n        _set(self, 'date', date)\n        _set(self, 'notes', notes)\n        _set(self, 'checked_on', checked_on)\n        _v0_0(self, _f0, self.id)\n        _v1_0(self, _f1, self.title)\n        _v2_0(self, _f2, self.publisher)\n        _v3_0(self, _f3, self.url)\n        _v4_0(self, _f4, self.date)\n        _v5_0(self, _f5, self.notes)\n        _v6_0(self, _f6, self.checked_on)\n    def unchecked(id, title, publisher, url, date, notes=_d5, checked_on=_d6):\n        self = _new(_cls)\n        _set(self, 'id', id)\n        _set(self, 'title', title)\n        _set(self, 'publisher', publisher)\n        _set(self, 'url', url)\n        _set(self, 'date', date)\n        _set(self, 'notes', notes)\n        _set(self, 'checked_on', checked_on)\n        return self\n    return __init__, unchecked\n": _factory_10,
    "def factory(_set, _new, _cls, _d8, _f0, _v0_0, _f1, _v1_0, _f2, _v2_0, _f3, _v3_0, _f4, _v4_0, _v4_1, _f5, _v5_0, _f6, _v6_0, _f7, _v7_0, _f8, _v8_0):\n    def __init__(self, id, country, recognizes, start, end, basis, events, evidence, notes=_d8):\n        _set(self, 'id', id)\n        _set(self, 'country', country)\n        _set(self, 'recognizes', recognizes)\n        _set(self, 'start', start)\n        _set(self, 'end', end)\n        _set(self, 'basis', basis)\n        _set(self, 'events', events)\n        _set(self, 'evidence', evidence)\n        _set(self, 'notes', notes)\n        _v0_0(self, _f0, self.id)\n        _v1_0(self, _f1, self.country)\n        _v2_0(self, _f2, self.recognizes)\n        _v3_0(self, _f3, self.start)\n        _v4_0(self, _f4, self.end)\n        _v4_1(self, _f4, self.end)\n        _v5_0(self, _f5, self.basis)\n        _v6_0(self, _f6, self.events)\n        _v7_0(self, _f7, self.evidence)\n        _v8_0(self, _f8, self.notes)\n    def unchecked(id, country, recognizes, start, end, basis, events, evidence, notes=_d8):\n        self = _new(_cls)\n        _set(self, 'id', id)\n        _set(self, 'country', country)\n        _set(self, 'recognizes', recognizes)\n        _set(self, 'start', start)\n        _set(self, 'end', end)\n        _set(self, 'basis', basis)\n        _set(self, 'events', events)\n        _set(self, 'evidence', evidence)\n        _set(self, 'notes', notes)\n        return self\n    return __init__, unchecked\n": _factory_11,
    "def factory(_set, _new, _cls, _d9, _f0, _v0_0, _f1, _v1_0, _f2, _v2_0, _f3, _v3_0, _f4, _v4_0, _f5, _v5_0, _v5_1, _f6, _v6_0, _f7, _v7_0, _f8, _v8_0, _f9, _v9_0):\n    def __init__(self, id, country, direction, level, start, end, basis, events, evidence, notes=_d9):\n        _set(self, 'id', id)\n        _set(self, 'country', country)\n        _set(self, 'direction', direction)\n        _set(self, 'level', level)\n        _set(self, 'start', start)\n        _set(self, 'end', end)\n        _set(self, 'basis', basis)\n        _set(self, 'events', events)\n        _set(self, 'evidence', evidence)\n        _set(self, 'notes', notes)\n        _v0_0(self, _f0, self.id)\n        _v1_0(self, _f1, self.country)\n        _v2_0(self, _f2, self.direction)\n        _v3_0(self, _f3, self.level)\n        _v4_0(self, _f4, self.start)\n        _v5_0(self, _f5, self.end)\n        _v5_1(self, _f5, self.end)\n        _v6_0(self, _f6, self.basis)\n        _v7_0(self, _f7, self.events)\n        _v8_0(self, _f8, self.evidence)\n        _v9_0(self, _f9, self.notes)\n    def unchecked(id, country, direction, level, start, end, basis, events, evidence, notes=_d9):\n        self = _new(_cls)\n        _set(self, 'id', id)\n        _set(self, 'country', country)\n        _set(self, 'direction', direction)\n        _set(self, 'level', level)\n        _set(self, 'start', start)\n        _set(self, 'end', end)\n        _set(self, 'basis', basis)\n        _set(self, 'events', events)\n        _set(self, 'evidence', evidence)\n        _set(self, 'notes', notes)\n        return self\n    return __init__, unchecked\n": _factory_12,
}
