"""The search API: GET /api/v1/search?q=TEXT&lang=nl|fr|en&limit=N&country=be|nl, and its OpenAPI document."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse

from core.clients import Throttle
from lib.jsonapi import json_error, json_response, read_only
from search.rules import COUNTRY_CODE, DEFAULT_COUNTRY, LANGS
from search.selectors import MAX_QUERY_LENGTH, search

MAX_LIMIT = 50
DEFAULT_LIMIT = 10
# Searches per client (a daily keyed hash of its address, kept in the cache only) per minute: far more than a person
# types, few enough that one client cannot keep the workers busy.
RATE_LIMIT, RATE_WINDOW = 60, 60
api_throttle = Throttle("search-api", limit=RATE_LIMIT, window=RATE_WINDOW)


def _error(message: str, parameter: str) -> JsonResponse:
    return _public(json_error(400, message, parameter))


def _public(response: JsonResponse) -> JsonResponse:
    response["Access-Control-Allow-Origin"] = "*"
    return response


@read_only
def search_view(request: HttpRequest) -> JsonResponse:
    client = getattr(request, "client_key", "")
    if api_throttle.hit(client) > api_throttle.limit:
        response = _public(json_error(429, f"too many searches: at most {RATE_LIMIT} a minute; try again soon"))
        response["Retry-After"] = str(RATE_WINDOW)
        return response
    query = request.GET.get("q", "").strip()
    lang = request.GET.get("lang", "en")
    limit_text = request.GET.get("limit", str(DEFAULT_LIMIT))
    country = request.GET.get("country", DEFAULT_COUNTRY)
    if not query:
        return _error("q is required: the words to search for", "q")
    if len(query) > MAX_QUERY_LENGTH:
        return _error(f"q is too long (at most {MAX_QUERY_LENGTH} characters)", "q")
    if lang not in LANGS:
        return _error("lang must be one of nl, fr, en", "lang")
    if not COUNTRY_CODE.fullmatch(country):
        return _error("country must be a lowercase two-letter country code, such as be or nl", "country")
    try:
        limit = int(limit_text)
    except ValueError:
        return _error("limit must be a whole number", "limit")
    if not 1 <= limit <= MAX_LIMIT:
        return _error(f"limit must be between 1 and {MAX_LIMIT}", "limit")
    results = search(query, lang=lang, limit=limit, country=country)
    return _public(json_response({"query": query, "lang": lang, "results": [r.as_dict() for r in results]}))


def openapi_document() -> dict[str, Any]:
    error = {
        "type": "object",
        "properties": {"error": {"type": "string"}, "parameter": {"type": "string"}},
        "required": ["error"],
    }
    result = {
        "type": "object",
        "required": ["title", "url", "snippet", "type"],
        "properties": {
            "title": {"type": "string"},
            "url": {"type": "string", "description": "Site path that shows the item in the requested language"},
            "snippet": {"type": "string"},
            "type": {"type": "string", "enum": ["article", "faq", "service", "organisation"]},
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Haven search API",
            "version": "1.0.0",
            "description": "Search Haven's knowledge base and directory in Dutch, French or English. "
            "Nothing about the caller is stored.",
        },
        "paths": {
            "/api/v1/search": {
                "get": {
                    "operationId": "search",
                    "summary": "Search articles, FAQ, services and organisations, best match first",
                    "parameters": [
                        {
                            "name": "q",
                            "in": "query",
                            "required": True,
                            "schema": {"type": "string", "minLength": 1, "maxLength": MAX_QUERY_LENGTH},
                        },
                        {
                            "name": "lang",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "string", "enum": list(LANGS), "default": "en"},
                        },
                        {
                            "name": "limit",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
                        },
                        {
                            "name": "country",
                            "in": "query",
                            "required": False,
                            "description": "The caller's country: results about another country come lower "
                            "(never left out).",
                            "schema": {"type": "string", "pattern": "^[a-z]{2}$", "default": DEFAULT_COUNTRY},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "Results ordered by relevance",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["query", "lang", "results"],
                                        "properties": {
                                            "query": {"type": "string"},
                                            "lang": {"type": "string", "enum": list(LANGS)},
                                            "results": {
                                                "type": "array",
                                                "items": {"$ref": "#/components/schemas/Result"},
                                            },
                                        },
                                    }
                                }
                            },
                        },
                        "400": {
                            "description": "A parameter is missing or invalid",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                        },
                        "429": {
                            "description": f"More than {RATE_LIMIT} searches in a minute from one client",
                            "headers": {"Retry-After": {"schema": {"type": "integer"}}},
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                        },
                    },
                }
            }
        },
        "components": {"schemas": {"Result": result, "Error": error}},
    }


@read_only
def openapi_view(request: HttpRequest) -> JsonResponse:
    return _public(json_response(openapi_document()))


@read_only
def not_found(request: HttpRequest, rest: str = "") -> JsonResponse:
    return _public(json_error(404, "no such endpoint; see /api/v1/openapi.json"))
