"""Typed endpoints of :class:`ThuliumClient`: one class per endpoint group of the shipped catalog.

Generated — do not edit; regenerate with ``python -m thulium_explore.client._typing_gen``
(tests/unit/test_typed_endpoints.py fails while this file is stale).

Type checkers and IDEs read the signatures below. At run time each method is the one
``EndpointGroup`` makes from the client's catalog, so the schema still judges every argument
(an unknown or missing parameter is a ParameterError, as with ``client.call``).
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, Literal, Protocol

from thulium_explore.client._groups import EndpointGroup, GroupAttribute
from thulium_explore.client._result import CallResult

if TYPE_CHECKING:
    from thulium_explore.client._paginate import Paginator, Progress

    class AgentsWorkReportEndpoint(Protocol):
        """``client.agents.work_report``: call it for one page, ``.paginate(...)`` for every page."""

        def __call__(
            self,
            *,
            date_from: str,
            date_to: str,
            agent_logins: list[str] | None = None,
            agent_group_ids: list[int] | None = None,
            aggregate_by: Literal["hour_of_day", "minute", "hour", "day", "week", "month", "year"] | None = None,
            queues_ids: list[int] | None = None,
            outbound_threshold: int | None = None,
            limit: int | None = None,
            offset: int | None = None,
        ) -> CallResult:
            """Agents' work report — GET /api/agents_work_report

            A report of the agents' work between two dates, per agent and period (aggregate_by), for the agents named in
            agent_logins or the groups in agent_group_ids.

            Parameters:
                date_from (string, required, example '2024-12-19'): Start of the report period. Required. The page's
                    examples are 2019-11-01 11:12:00 and 2024-12-19; the format is not otherwise documented and not
                    checked.
                date_to (string, required, example '2025-01-18'): End of the report period. Required. The page's
                    examples are 2019-11-02 11:12:00 and 2025-01-18; the format is not otherwise documented and not
                    checked.
                agent_logins (array, optional, example ['jkowalski']): The agents to report on (sent as
                    agent_logins[]=…). Required when agent_group_ids is not sent. Logins come from /agents.
                agent_group_ids (array, optional, example [2, 3, 9]): The agent groups to report on (sent as
                    agent_group_ids[]=…). Required when agent_logins is not sent. Ids come from /agents_groups. Integer
                    items and minimum 1 inferred from the example.
                aggregate_by (string, optional, example 'day'): The period of each row (default month).
                queues_ids (array, optional, example [1, 3]): Only these queues (sent as queues_ids[]=…). Integer items
                    and minimum 1 inferred from the example.
                outbound_threshold (integer, optional, example 10): Threshold for outbound calls, in seconds (default
                    0). Integer type and minimum 0 inferred.
                limit (integer, optional, example 100): How many records to return at most (default 100, maximum 100).
                    Integer type and minimum 1 inferred.
                offset (integer, optional, example 10): The first record to return (default 0). Integer type and minimum
                    0 inferred.
            """

        def paginate(
            self,
            *,
            date_from: str,
            date_to: str,
            page_size: int | None = None,
            max_items: int | None = None,
            progress: Progress | None = None,
            agent_logins: list[str] | None = None,
            agent_group_ids: list[int] | None = None,
            aggregate_by: Literal["hour_of_day", "minute", "hour", "day", "week", "month", "year"] | None = None,
            queues_ids: list[int] | None = None,
            outbound_threshold: int | None = None,
        ) -> Paginator:
            """Every item of agents.work_report, page by page (limit/offset) — GET /api/agents_work_report

            page_size: items per page (default: the documented default limit; at most its documented maximum).
            max_items: stop after this many items (None: every item). progress: called as progress(pages, items,
            count) after each page. Each page is validated and contract-checked; a failing page raises
            PaginationError naming the page, and the items so far stay on the paginator. The other parameters
            filter the list as in the endpoint method; limit and offset are set by the paginator.
            """

    class ChatsListEndpoint(Protocol):
        """``client.chats.list``: call it for one page, ``.paginate(...)`` for every page."""

        def __call__(
            self,
            *,
            limit: int | None = None,
            offset: int | None = None,
            date_from: str | None = None,
            date_to: str | None = None,
            status: Literal["CREATED", "IN_PROGRESS", "CLOSED"] | None = None,
            chat_queue_id: int | None = None,
            include_messages: bool | None = None,
            include_files: bool | None = None,
            include_client_data: bool | None = None,
        ) -> CallResult:
            """List chat conversations (history) — GET /api/chats

            The chat history: conversations filtered by start date, status and chat queue. With include_messages,
            include_files and include_client_data the items carry more data.

            Parameters:
                limit (integer, optional, example 100): How many items to return at most (default 100, maximum 100).
                    Integer type and minimum 1 inferred.
                offset (integer, optional, example 0): How many items to skip (default 0). Integer type and minimum 0
                    inferred.
                date_from (string, optional, example '2017-12-11'): Conversations started at or after this date. Format
                    YYYY-MM-DD or YYYY-MM-DD HH:MM (documented for date filters).
                date_to (string, optional, example '2017-12-11'): Conversations started at or before this date. Format
                    YYYY-MM-DD or YYYY-MM-DD HH:MM (documented for date filters).
                status (string, optional, example 'CLOSED'): Only conversations with this status (values from an older
                    page).
                chat_queue_id (integer, optional, example 3): Only conversations in this chat queue. Integer type and
                    minimum 1 inferred.
                include_messages (boolean, optional, example True): Add each conversation's messages. Default false.
                include_files (boolean, optional, example True): Add each conversation's files. Default false.
                include_client_data (boolean, optional, example True): Add the client's data. Default false.
            """

        def paginate(
            self,
            *,
            page_size: int | None = None,
            max_items: int | None = None,
            progress: Progress | None = None,
            date_from: str | None = None,
            date_to: str | None = None,
            status: Literal["CREATED", "IN_PROGRESS", "CLOSED"] | None = None,
            chat_queue_id: int | None = None,
            include_messages: bool | None = None,
            include_files: bool | None = None,
            include_client_data: bool | None = None,
        ) -> Paginator:
            """Every item of chats.list, page by page (limit/offset) — GET /api/chats

            page_size: items per page (default: the documented default limit; at most its documented maximum).
            max_items: stop after this many items (None: every item). progress: called as progress(pages, items,
            count) after each page. Each page is validated and contract-checked; a failing page raises
            PaginationError naming the page, and the items so far stay on the paginator. The other parameters
            filter the list as in the endpoint method; limit and offset are set by the paginator.
            """

    class ChatsReportsSummaryEndpoint(Protocol):
        """``client.chats.reports.summary``: call it for one page, ``.paginate(...)`` for every page."""

        def __call__(
            self,
            *,
            date_from: str,
            date_to: str,
            limit: int | None = None,
            offset: int | None = None,
            user_logins: list[str] | None = None,
            sum_users: bool | None = None,
            aggregate_by: Literal["hour_of_day", "minute", "hour", "day", "week", "month", "year"] | None = None,
            chat_queue_ids: list[int] | None = None,
            response_threshold: int | None = None,
        ) -> CallResult:
            """Chat summary report — GET /api/chats/reports/summary

            A summary report of chats between two dates, per agent (or summed), aggregated by period.

            Parameters:
                date_from (string, required, example '2017-12-11'): Start of the report period. Required. Format
                    YYYY-MM-DD or YYYY-MM-DD HH:MM (documented for date filters).
                date_to (string, required, example '2017-12-11'): End of the report period. Required. Format YYYY-MM-DD
                    or YYYY-MM-DD HH:MM (documented for date filters).
                limit (integer, optional, example 100): How many rows to return at most. The report's page names limit
                    but gives no default or maximum (the 100/100 of the chat list is not assumed here). Integer type and
                    minimum 1 inferred.
                offset (integer, optional, example 0): How many items to skip (default 0). Integer type and minimum 0
                    inferred.
                user_logins (array, optional, example ['jkowalski']): Only these agents (sent as user_logins[]=…).
                sum_users (boolean, optional, example True): Sum the agents into one row instead of one row per agent.
                    The default is not documented.
                aggregate_by (string, optional, example 'day'): The period of each row (default month).
                chat_queue_ids (array, optional, example [3]): Only these chat queues (sent as chat_queue_ids[]=…).
                response_threshold (integer, optional, example 20): Seconds within which a chat counts as answered in
                    time (default 20). Integer type and minimum 0 inferred.
            """

        def paginate(
            self,
            *,
            date_from: str,
            date_to: str,
            page_size: int | None = None,
            max_items: int | None = None,
            progress: Progress | None = None,
            user_logins: list[str] | None = None,
            sum_users: bool | None = None,
            aggregate_by: Literal["hour_of_day", "minute", "hour", "day", "week", "month", "year"] | None = None,
            chat_queue_ids: list[int] | None = None,
            response_threshold: int | None = None,
        ) -> Paginator:
            """Every item of chats.reports.summary, page by page (limit/offset) — GET /api/chats/reports/summary

            page_size: items per page (default: the documented default limit; at most its documented maximum).
            max_items: stop after this many items (None: every item). progress: called as progress(pages, items,
            count) after each page. Each page is validated and contract-checked; a failing page raises
            PaginationError naming the page, and the items so far stay on the paginator. The other parameters
            filter the list as in the endpoint method; limit and offset are set by the paginator.
            """

    class ConnectionsListEndpoint(Protocol):
        """``client.connections.list``: call it for one page, ``.paginate(...)`` for every page."""

        def __call__(
            self,
            *,
            limit: int | None = None,
            offset: int | None = None,
            date_from: str | None = None,
            date_to: str | None = None,
            src: str | None = None,
            dst: str | None = None,
            connection_id: str | None = None,
            user_login: str | None = None,
            queue_id: int | None = None,
            topic_id: int | None = None,
            customer_id: int | None = None,
            tags: list[str | int] | None = None,
            include_tags: bool | None = None,
            include_topics: bool | None = None,
        ) -> CallResult:
            """List connections (call history) — GET /api/connections

            The call history: connections filtered by date, numbers, agent, queue, topic, customer and tags.

            Parameters:
                limit (integer, optional, example 100): How many items to return at most (default 100, maximum 100).
                    Integer type and minimum 1 inferred.
                offset (integer, optional, example 0): How many items to skip (default 0). Integer type and minimum 0
                    inferred.
                date_from (string, optional, example '2017-12-11'): Connections at or after this date. Format YYYY-MM-DD
                    or YYYY-MM-DD HH:MM (documented for date filters).
                date_to (string, optional, example '2017-12-11'): Connections at or before this date. Format YYYY-MM-DD
                    or YYYY-MM-DD HH:MM (documented for date filters).
                src (string, optional, example '222333444'): Calling number.
                dst (string, optional, example '222333444'): Called number.
                connection_id (string, optional): One connection (the id's form is not documented).
                user_login (string, optional, example 'jkowalski'): Connections of this agent.
                queue_id (integer, optional, example 1): Connections through this queue. Integer type and minimum 1
                    inferred.
                topic_id (integer, optional, example 1): Connections with this topic. Integer type and minimum 1
                    inferred.
                customer_id (integer, optional, example 273): Connections of this CRM customer. Integer type and minimum
                    1 inferred.
                tags (array, optional): Connections with these tags (sent as tags[]=…; the items' form is not
                    documented).
                include_tags (boolean, optional, example True): Add each connection's tags. The default is not
                    documented.
                include_topics (boolean, optional, example True): Add each connection's topics. The default is not
                    documented.
            """

        def paginate(
            self,
            *,
            page_size: int | None = None,
            max_items: int | None = None,
            progress: Progress | None = None,
            date_from: str | None = None,
            date_to: str | None = None,
            src: str | None = None,
            dst: str | None = None,
            connection_id: str | None = None,
            user_login: str | None = None,
            queue_id: int | None = None,
            topic_id: int | None = None,
            customer_id: int | None = None,
            tags: list[str | int] | None = None,
            include_tags: bool | None = None,
            include_topics: bool | None = None,
        ) -> Paginator:
            """Every item of connections.list, page by page (limit/offset) — GET /api/connections

            page_size: items per page (default: the documented default limit; at most its documented maximum).
            max_items: stop after this many items (None: every item). progress: called as progress(pages, items,
            count) after each page. Each page is validated and contract-checked; a failing page raises
            PaginationError naming the page, and the items so far stay on the paginator. The other parameters
            filter the list as in the endpoint method; limit and offset are set by the paginator.
            """

    class CrmOutboundRecordsListEndpoint(Protocol):
        """``client.crm_outbound_records.list``: call it for one page, ``.paginate(...)`` for every page."""

        def __call__(
            self,
            *,
            id: str,
            limit: int | None = None,
            offset: int | None = None,
            order: Literal["next_call_date", "-next_call_date"] | None = None,
            status_id: list[int | str] | None = None,
            system_status: list[
                Literal[
                    "TO_CALL",
                    "IN_PROGRESS",
                    "CALL",
                    "MY_RECORD",
                    "NO_CALL",
                    "ABANDONED_AFTER_N_TRIES",
                    "CALL_NO_SOONER_THAN",
                    "CALL_PROGRESSIVE",
                ]
            ]
            | None = None,
            create_date_from: str | None = None,
            create_date_to: str | None = None,
            call_date_from: str | None = None,
            call_date_to: str | None = None,
            include_customer: bool | None = None,
            include_custom_fields: bool | None = None,
            include_address: bool | None = None,
        ) -> CallResult:
            """List the records of a CRM-fed campaign — GET /api/crm_outbounds/{id}/records

            The records of a campaign fed from the CRM, in the order they were added, a page at a time; count is the
            number of records the filters find. include_customer, include_custom_fields and include_address attach the
            customer's data.

            Parameters:
                id (string, required, example '00001'): Id of the campaign: a five-character string such as 00001
                    (documented). String type inferred from the example.
                limit (integer, optional, example 5): How many records to return at most (default 100, maximum 100).
                    Integer type and minimum 1 inferred.
                offset (integer, optional, example 0): How many records to skip (default 0). Integer type and minimum 0
                    inferred.
                order (string, optional, example '-next_call_date'): Sort field; a - prefix sorts descending. Only
                    next_call_date is allowed (documented).
                status_id (array, optional, example [10, 15]): Only records with one of these campaign statuses (sent as
                    status_id[]=…).
                system_status (array, optional, example ['TO_CALL', 'CALL']): Only records with one of these system
                    statuses (sent as system_status[]=…).
                create_date_from (string, optional, example '2016-10-18'): Records added on or after this date.
                    Documented format YYYY-MM-DD; YYYY-MM-DD HH:MM is let through too (the date filter format documented
                    for other lists).
                create_date_to (string, optional, example '2016-10-20'): Records added on or before this date.
                    Documented format YYYY-MM-DD; YYYY-MM-DD HH:MM is let through too (the date filter format documented
                    for other lists).
                call_date_from (string, optional, example '2016-10-18'): Records last called on or after this date.
                    Documented format YYYY-MM-DD; YYYY-MM-DD HH:MM is let through too (the date filter format documented
                    for other lists).
                call_date_to (string, optional, example '2016-10-20'): Records last called on or before this date.
                    Documented format YYYY-MM-DD; YYYY-MM-DD HH:MM is let through too (the date filter format documented
                    for other lists).
                include_customer (boolean, optional, example True): Attach the customer's data. Its default is not in
                    the excerpt. What it adds to a record is not documented.
                include_custom_fields (boolean, optional, example True): Attach the customer's custom fields. Its
                    default is not in the excerpt. What it adds to a record is not documented.
                include_address (boolean, optional, example True): Attach the customer's address. Its default is not in
                    the excerpt. What it adds to a record is not documented.
            """

        def paginate(
            self,
            *,
            id: str,
            page_size: int | None = None,
            max_items: int | None = None,
            progress: Progress | None = None,
            order: Literal["next_call_date", "-next_call_date"] | None = None,
            status_id: list[int | str] | None = None,
            system_status: list[
                Literal[
                    "TO_CALL",
                    "IN_PROGRESS",
                    "CALL",
                    "MY_RECORD",
                    "NO_CALL",
                    "ABANDONED_AFTER_N_TRIES",
                    "CALL_NO_SOONER_THAN",
                    "CALL_PROGRESSIVE",
                ]
            ]
            | None = None,
            create_date_from: str | None = None,
            create_date_to: str | None = None,
            call_date_from: str | None = None,
            call_date_to: str | None = None,
            include_customer: bool | None = None,
            include_custom_fields: bool | None = None,
            include_address: bool | None = None,
        ) -> Paginator:
            """Every item of crm_outbound_records.list, page by page (limit/offset) — GET
            /api/crm_outbounds/{id}/records

            page_size: items per page (default: the documented default limit; at most its documented maximum).
            max_items: stop after this many items (None: every item). progress: called as progress(pages, items,
            count) after each page. Each page is validated and contract-checked; a failing page raises
            PaginationError naming the page, and the items so far stay on the paginator. The other parameters
            filter the list as in the endpoint method; limit and offset are set by the paginator.
            """

    class CustomerFieldGroupItemsListEndpoint(Protocol):
        """``client.customer_field_group_items.list``: call it for one page, ``.paginate(...)`` for every page."""

        def __call__(
            self,
            *,
            group_id: int | None = None,
            customer_id: int | None = None,
            limit: int | None = None,
            offset: int | None = None,
        ) -> CallResult:
            """List records of customers' custom-field groups — GET /api/customer_field_group_items

            Records (items) of the custom-field groups of CRM customers, narrowed by group and customer, with limit and
            offset. The documented example answer shows group definitions (group_id, name, fields) rather than items; it
            is described as printed.

            Parameters:
                group_id (integer, optional, example 1): Only records of this custom-field group (an id from the
                    custom-field-groups resource). Integer type and minimum 1 inferred.
                customer_id (integer, optional, example 123): Only records of this CRM customer (an id from the
                    customers resource). Integer type and minimum 1 inferred.
                limit (integer, optional, example 100): How many records to return at most (default 100, maximum 1000).
                    Integer type and minimum 1 inferred.
                offset (integer, optional, example 0): How many records to skip (default 0). Integer type and minimum 0
                    inferred.
            """

        def paginate(
            self,
            *,
            page_size: int | None = None,
            max_items: int | None = None,
            progress: Progress | None = None,
            group_id: int | None = None,
            customer_id: int | None = None,
        ) -> Paginator:
            """Every item of customer_field_group_items.list, page by page (limit/offset) — GET
            /api/customer_field_group_items

            page_size: items per page (default: the documented default limit; at most its documented maximum).
            max_items: stop after this many items (None: every item). progress: called as progress(pages, items,
            count) after each page. Each page is validated and contract-checked; a failing page raises
            PaginationError naming the page, and the items so far stay on the paginator. The other parameters
            filter the list as in the endpoint method; limit and offset are set by the paginator.
            """

    class CustomersListEndpoint(Protocol):
        """``client.customers.list``: call it for one page, ``.paginate(...)`` for every page."""

        def __call__(
            self,
            *,
            identifier: str | None = None,
            email: str | None = None,
            phone_number: str | None = None,
            nip: str | None = None,
            company_id: int | None = None,
            company_flag: Any = None,
            type: str | None = None,
            group: str | None = None,
            custom_fields: dict[str, list[str]] | None = None,
            include_custom_fields: bool | None = None,
            include_address: bool | None = None,
            include_invoice_address: bool | None = None,
            include_mail_drop_address: bool | None = None,
            limit: int | None = None,
            offset: int | None = None,
        ) -> CallResult:
            """List / search CRM customers — GET /api/customers

            Searches the CRM's customers by identifier, e-mail, phone number, NIP, company, type, group and custom
            fields.

            Parameters:
                identifier (string, optional): Your identifier of the customer.
                email (string, optional, example 'jan.kowalski@example.org'): The customer's e-mail address.
                phone_number (string, optional, example '222333444'): The customer's phone number.
                nip (string, optional): Tax id (NIP).
                company_id (integer, optional, example 1): Customers of this company. Integer type and minimum 1
                    inferred.
                company_flag (any, optional): Filter by the company flag. Type not documented, so not checked.
                type (string, optional): Customer type.
                group (string, optional): Customer group.
                custom_fields (object, optional, example {'Segment': ['VIP']}): Filter by CRM custom fields, sent as
                    custom_fields[Name][i]=value: an object mapping a field name to a list of values.
                include_custom_fields (boolean, optional, example True): Add custom_fields to each customer. The default
                    is not documented.
                include_address (boolean, optional, example True): Add the address. The default is not documented.
                include_invoice_address (boolean, optional, example True): Add the invoice address. The default is not
                    documented.
                include_mail_drop_address (boolean, optional, example True): Add the correspondence address. The default
                    is not documented.
                limit (integer, optional, example 100): How many items to return at most (default 100, maximum 1000).
                    Integer type and minimum 1 inferred.
                offset (integer, optional, example 0): How many items to skip (default 0). Integer type and minimum 0
                    inferred.
            """

        def paginate(
            self,
            *,
            page_size: int | None = None,
            max_items: int | None = None,
            progress: Progress | None = None,
            identifier: str | None = None,
            email: str | None = None,
            phone_number: str | None = None,
            nip: str | None = None,
            company_id: int | None = None,
            company_flag: Any = None,
            type: str | None = None,
            group: str | None = None,
            custom_fields: dict[str, list[str]] | None = None,
            include_custom_fields: bool | None = None,
            include_address: bool | None = None,
            include_invoice_address: bool | None = None,
            include_mail_drop_address: bool | None = None,
        ) -> Paginator:
            """Every item of customers.list, page by page (limit/offset) — GET /api/customers

            page_size: items per page (default: the documented default limit; at most its documented maximum).
            max_items: stop after this many items (None: every item). progress: called as progress(pages, items,
            count) after each page. Each page is validated and contract-checked; a failing page raises
            PaginationError naming the page, and the items so far stay on the paginator. The other parameters
            filter the list as in the endpoint method; limit and offset are set by the paginator.
            """

    class OutboundRecordsListEndpoint(Protocol):
        """``client.outbound_records.list``: call it for one page, ``.paginate(...)`` for every page."""

        def __call__(
            self,
            *,
            id: str,
            limit: int | None = None,
            offset: int | None = None,
            status_id: list[int | str] | None = None,
            system_status: list[
                Literal[
                    "TO_CALL",
                    "IN_PROGRESS",
                    "CALL",
                    "MY_RECORD",
                    "NO_CALL",
                    "ABANDONED_AFTER_N_TRIES",
                    "CALL_NO_SOONER_THAN",
                    "CALL_PROGRESSIVE",
                ]
            ]
            | None = None,
            create_date_from: str | None = None,
            create_date_to: str | None = None,
            call_date_from: str | None = None,
            call_date_to: str | None = None,
        ) -> CallResult:
            """List the records of a campaign — GET /api/outbounds/{id}/records

            The campaign's records with their basic parameters, in the order they were added, a page at a time; count is
            the number of records the filters find (ignoring limit and offset).

            Parameters:
                id (string, required, example '00001'): Id of the campaign: a five-character string such as 00001
                    (documented). String type inferred from the example.
                limit (integer, optional, example 5): How many records to return at most (default 100, maximum 100).
                    Integer type and minimum 1 inferred.
                offset (integer, optional, example 0): How many records to skip (default 0). Integer type and minimum 0
                    inferred.
                status_id (array, optional, example [10, 15]): Only records with one of these campaign statuses (sent as
                    status_id[]=…).
                system_status (array, optional, example ['TO_CALL', 'CALL']): Only records with one of these system
                    statuses (sent as system_status[]=…).
                create_date_from (string, optional, example '2016-10-18'): Records added on or after this date.
                    Documented format YYYY-MM-DD; YYYY-MM-DD HH:MM is let through too (the date filter format documented
                    for other lists).
                create_date_to (string, optional, example '2016-10-20'): Records added on or before this date.
                    Documented format YYYY-MM-DD; YYYY-MM-DD HH:MM is let through too (the date filter format documented
                    for other lists).
                call_date_from (string, optional, example '2016-10-18'): Records last called on or after this date.
                    Documented format YYYY-MM-DD; YYYY-MM-DD HH:MM is let through too (the date filter format documented
                    for other lists).
                call_date_to (string, optional, example '2016-10-20'): Records last called on or before this date.
                    Documented format YYYY-MM-DD; YYYY-MM-DD HH:MM is let through too (the date filter format documented
                    for other lists).
            """

        def paginate(
            self,
            *,
            id: str,
            page_size: int | None = None,
            max_items: int | None = None,
            progress: Progress | None = None,
            status_id: list[int | str] | None = None,
            system_status: list[
                Literal[
                    "TO_CALL",
                    "IN_PROGRESS",
                    "CALL",
                    "MY_RECORD",
                    "NO_CALL",
                    "ABANDONED_AFTER_N_TRIES",
                    "CALL_NO_SOONER_THAN",
                    "CALL_PROGRESSIVE",
                ]
            ]
            | None = None,
            create_date_from: str | None = None,
            create_date_to: str | None = None,
            call_date_from: str | None = None,
            call_date_to: str | None = None,
        ) -> Paginator:
            """Every item of outbound_records.list, page by page (limit/offset) — GET /api/outbounds/{id}/records

            page_size: items per page (default: the documented default limit; at most its documented maximum).
            max_items: stop after this many items (None: every item). progress: called as progress(pages, items,
            count) after each page. Each page is validated and contract-checked; a failing page raises
            PaginationError naming the page, and the items so far stay on the paginator. The other parameters
            filter the list as in the endpoint method; limit and offset are set by the paginator.
            """

    class RecordingsListEndpoint(Protocol):
        """``client.recordings.list``: call it for one page, ``.paginate(...)`` for every page."""

        def __call__(
            self,
            *,
            limit: int | None = None,
            offset: int | None = None,
            date_from: str | None = None,
            date_to: str | None = None,
            src: str | None = None,
            dst: str | None = None,
            connection_id: str | None = None,
        ) -> CallResult:
            """List call recordings — GET /api/recordings

            Recordings of calls, filtered by the recording's creation date, calling and called number, or connection.
            The answer is {count, result}; each recording carries the call date, its own creation date, disposition,
            duration, billsec, numbers, file name, agent, connection id and type.

            Parameters:
                limit (integer, optional, example 100): How many recordings to return at most (default 100, maximum
                    100). Integer type and minimum 1 inferred.
                offset (integer, optional, example 0): How many recordings to skip (default 0). Integer type and minimum
                    0 inferred.
                date_from (string, optional, example '2014-07-07'): Recordings created at or after this date (the
                    recording's creation date, not the call's). Format YYYY-MM-DD or YYYY-MM-DD HH:MM (documented for
                    date filters).
                date_to (string, optional, example '2014-07-08'): Recordings created at or before this date (the
                    recording's creation date, not the call's). Format YYYY-MM-DD or YYYY-MM-DD HH:MM (documented for
                    date filters).
                src (string, optional, example '123123'): Calling number.
                dst (string, optional, example '1234'): Called number.
                connection_id (string, optional): The recordings of one connection (the id's form is not documented).
            """

        def paginate(
            self,
            *,
            page_size: int | None = None,
            max_items: int | None = None,
            progress: Progress | None = None,
            date_from: str | None = None,
            date_to: str | None = None,
            src: str | None = None,
            dst: str | None = None,
            connection_id: str | None = None,
        ) -> Paginator:
            """Every item of recordings.list, page by page (limit/offset) — GET /api/recordings

            page_size: items per page (default: the documented default limit; at most its documented maximum).
            max_items: stop after this many items (None: every item). progress: called as progress(pages, items,
            count) after each page. Each page is validated and contract-checked; a failing page raises
            PaginationError naming the page, and the items so far stay on the paginator. The other parameters
            filter the list as in the endpoint method; limit and offset are set by the paginator.
            """

    class TicketsListEndpoint(Protocol):
        """``client.tickets.list``: call it for one page, ``.paginate(...)`` for every page."""

        def __call__(
            self,
            *,
            limit: int | None = None,
            offset: int | None = None,
            date_from: str | None = None,
            date_to: str | None = None,
            create_date_from: str | None = None,
            create_date_to: str | None = None,
            company_id: int | None = None,
            customer_id: int | None = None,
            user_login: str | None = None,
            source: str | None = None,
            ticket_queue_id: int | None = None,
            category_id: int | None = None,
            message_id: int | None = None,
            status_id: list[int] | None = None,
            custom_fields: dict[str, list[str]] | None = None,
        ) -> CallResult:
            """List tickets — GET /api/tickets

            Tickets, newest first, filtered by modification or creation date, company, customer, agent, source, queue,
            category, message and status.

            Parameters:
                limit (integer, optional, example 100): How many items to return at most (default 100, maximum 100).
                    Integer type and minimum 1 inferred.
                offset (integer, optional, example 0): How many items to skip (default 0). Integer type and minimum 0
                    inferred.
                date_from (string, optional, example '2017-12-11'): Tickets modified at or after this date. Format
                    YYYY-MM-DD or YYYY-MM-DD HH:MM (documented for date filters).
                date_to (string, optional, example '2017-12-11'): Tickets modified at or before this date. Format
                    YYYY-MM-DD or YYYY-MM-DD HH:MM (documented for date filters).
                create_date_from (string, optional, example '2017-12-11'): Tickets created at or after this date. Format
                    YYYY-MM-DD or YYYY-MM-DD HH:MM (documented for date filters).
                create_date_to (string, optional, example '2017-12-11'): Tickets created at or before this date. Format
                    YYYY-MM-DD or YYYY-MM-DD HH:MM (documented for date filters).
                company_id (integer, optional, example 1): Tickets of this company. Integer type and minimum 1 inferred.
                customer_id (integer, optional, example 273): Tickets of this customer. Integer type and minimum 1
                    inferred.
                user_login (string, optional, example 'jkowalski'): Tickets of this agent.
                source (string, optional, example 'email'): Tickets from this source (the create values are email,
                    phone, sms, chat, www; not restricted here).
                ticket_queue_id (integer, optional, example 1): Tickets in this queue. Integer type and minimum 1
                    inferred.
                category_id (integer, optional, example 1): Tickets in this category. Integer type and minimum 1
                    inferred.
                message_id (integer, optional, example 1): The ticket containing this message. Integer type and minimum
                    1 inferred.
                status_id (array, optional, example [1, 2]): Tickets with any of these statuses (sent as status_id[]=…).
                custom_fields (object, optional, example {'Segment': ['VIP']}): Filter by CRM custom fields, sent as
                    custom_fields[Name][i]=value: an object mapping a field name to a list of values.
            """

        def paginate(
            self,
            *,
            page_size: int | None = None,
            max_items: int | None = None,
            progress: Progress | None = None,
            date_from: str | None = None,
            date_to: str | None = None,
            create_date_from: str | None = None,
            create_date_to: str | None = None,
            company_id: int | None = None,
            customer_id: int | None = None,
            user_login: str | None = None,
            source: str | None = None,
            ticket_queue_id: int | None = None,
            category_id: int | None = None,
            message_id: int | None = None,
            status_id: list[int] | None = None,
            custom_fields: dict[str, list[str]] | None = None,
        ) -> Paginator:
            """Every item of tickets.list, page by page (limit/offset) — GET /api/tickets

            page_size: items per page (default: the documented default limit; at most its documented maximum).
            max_items: stop after this many items (None: every item). progress: called as progress(pages, items,
            count) after each page. Each page is validated and contract-checked; a failing page raises
            PaginationError naming the page, and the items so far stay on the paginator. The other parameters
            filter the list as in the endpoint method; limit and offset are set by the paginator.
            """


class AgentsEndpoints(EndpointGroup):
    """``client.agents``: the ``agents.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def answer(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Answer the ringing call — POST /api/agents/{login}/answer

            Answers the agent's phone, only if the agent uses Thulium Softphone (documented). Only the action's path is
            documented beyond that.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def call(
            self,
            *,
            login: str,
            phone_number: str | None = None,
            outbound_id: str | None = None,
            customer_id: int | None = None,
            caller_id: str | None = None,
            custom_data: Any = None,
        ) -> CallResult:
            """Make an agent call a number (click-to-call) — POST /api/agents/{login}/call

            Makes the agent call phone_number, or the customer's number when only customer_id is given. The response
            body is empty.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
                phone_number (string, optional, example '222333444'): Number to call. Optional if customer_id is given.
                outbound_id (string, optional, example 'ABCDE'): Id of the outbound campaign: 5 characters.
                customer_id (integer, optional, example 273): CRM customer to call. Integer type and minimum 1 inferred.
                caller_id (string, optional): Number shown to the called party.
                custom_data (any, optional): Your data attached to the call. Type not documented, so not checked.
            """

        def call_preview(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Call in preview mode — POST /api/agents/{login}/call_preview

            Starts a preview call (inferred from the name). Only the action's path is documented.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def create(
            self,
            *,
            name: str,
            surname: str,
            login: str,
            password: str,
            number: str,
            email: str | None = None,
            change_password: bool | None = None,
            callerid: str | None = None,
            language: Literal["pl", "en"] | None = None,
            active: bool | None = None,
            outbound_mode: Literal["manual", "auto"] | None = None,
            roles: builtins.list[Any] | None = None,
        ) -> CallResult:
            """Create an agent — POST /api/agents

            Creates an agent account: name, surname, login, password and number are required.

            Parameters:
                name (string, required, example 'Jan'): The agent's first name. Required.
                surname (string, required, example 'Kowalski'): The agent's surname. Required.
                login (string, required, example 'jkowalski'): The agent's login. Required.
                password (string, required): The agent's password. Required.
                number (string, required, example '101'): The agent's phone number. Required. String type inferred (a
                    number may start with 0).
                email (string, optional, example 'jan.kowalski@example.org'): The agent's e-mail address.
                change_password (boolean, optional, example True): Ask the agent to change the password (inferred from
                    the name). The default is not documented.
                callerid (string, optional): Number shown to called parties.
                language (string, optional, example 'pl'): pl or en.
                active (boolean, optional, example True): Whether the account is active. The default is not documented.
                outbound_mode (string, optional, example 'manual'): manual or auto.
                roles (array, optional): Roles of the agent (form of the items not documented, not checked).
            """

        def free(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Un-pause the agent — POST /api/agents/{login}/free

            Un-pauses the agent (documented: Odpauzowuje agenta), the reverse of agents.pause; that the status becomes
            FREE is inferred. Only the action's path is documented beyond that.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def get(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Get one agent — GET /api/agents/{login}

            An agent's account: id, login, name, surname, e-mail, active, number, outbound mode, group.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def groups(self) -> CallResult:
            """List agent groups — GET /api/agents_groups

            Returns the agent groups. Only the documentation index line is known (no page was found), so the parameters
            and the answer's shape are not documented.

            Parameters:
            """

        def hangup(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Hang up the current call — POST /api/agents/{login}/hangup

            Ends the agent's current call (inferred from the name). Only the action's path is documented.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def hold(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Put the current call on hold — POST /api/agents/{login}/hold

            Puts the agent's phone on hold (the index says: pauses the agent's phone), only if the agent uses Thulium
            Softphone (documented). Not the same as agents.pause, which pauses the agent. Only the action's path is
            documented beyond that.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def last_queue_call(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Get an agent's last queue call — GET /api/agents/{login}/last_queue_call

            Returns the agent's last call from a queue. Only the documentation index line is known (no page was found),
            so the answer's shape is not documented.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). Inferred
                    from the path (:login, as in agents.get); string type inferred; it must not be empty because it is a
                    path segment.
            """

        def list(self) -> CallResult:
            """List agents — GET /api/agents

            Returns the list of agents. Only the documentation index line is known (no page was found), so the
            parameters and the answer's shape are not documented.

            Parameters:
            """

        def login(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Log the agent in — POST /api/agents/{login}/login

            Logs the agent in to the contact centre (inferred from the name). Only the action's path is documented.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def logout(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Log the agent out — POST /api/agents/{login}/logout

            Logs the agent out (inferred from the name). Only the action's path is documented.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def mute(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Mute the agent — POST /api/agents/{login}/mute

            Mutes the agent's phone, only if the agent uses Thulium Softphone (documented). Only the action's path is
            documented beyond that.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def pause(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Pause the agent — POST /api/agents/{login}/pause

            Puts the agent in the PAUSED status (inferred from the name). Only the action's path is documented.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def status(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Get an agent's status — GET /api/agents/{login}/status

            The agent's current status (OFF, FREE, PAUSED, INBOUND_CALL, OUTBOUND_CALL, OUTBOUND_PREVIEW, CALL,
            RINGING), pause id and time of the last change.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def statuses(self) -> CallResult:
            """List agents' statuses — GET /api/agents_statuses

            Returns the agents' statuses. Only the documentation index line is known (no page was found), so the
            parameters and the answer's shape are not documented.

            Parameters:
            """

        def stop_recording(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Stop recording the current call — POST /api/agents/{login}/stop_recording

            Stops the recording of the agent's current call (inferred from the name). Only the action's path is
            documented.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def transfer(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Transfer the current call — POST /api/agents/{login}/transfer

            Transfers the agent's call, only if the agent uses Thulium Softphone (documented). The transfer target's
            parameter is not documented. Only the action's path is documented beyond that.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def unhold(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Take the call off hold — POST /api/agents/{login}/unhold

            Takes the agent's phone off hold, only if the agent uses Thulium Softphone (documented). Only the action's
            path is documented beyond that.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def unmute(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Unmute the agent — POST /api/agents/{login}/unmute

            Unmutes the agent's phone, only if the agent uses Thulium Softphone (documented). Only the action's path is
            documented beyond that.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        work_report: AgentsWorkReportEndpoint


class ChatConversationsEndpoints(EndpointGroup):
    """``client.chat_conversations``: the ``chat_conversations.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def delete(
            self,
            *,
            id: str,
        ) -> CallResult:
            """Delete a chat conversation — DELETE /api/chat_conversations/{id}

            Deletes a conversation. The details of this call (parameters beyond the id, response) were not found in the
            docs.

            Parameters:
                id (string, required, example '6ed7c941-2c8a-411e-95d2-338a9f64800a'): The conversation_id returned by
                    chat_conversations.start (a UUID). Type and format taken from the documented start example.
            """

        def delete_content(
            self,
            *,
            id: str,
            participant: Literal["user", "customer", "both"],
        ) -> CallResult:
            """Delete the message content of a chat conversation — DELETE
            /api/chat_conversations/content/{id}/{participant}

            Deletes the content of the messages sent by one participant of a conversation (user, customer) or by both.
            The response body is empty.

            Parameters:
                id (string, required, example '6ed7c941-2c8a-411e-95d2-338a9f64800a'): The conversation_id returned by
                    chat_conversations.start (a UUID). Type and format taken from the documented start example.
                participant (string, required, example 'both'): Whose messages to clear: user, customer or both.
            """

        def message(
            self,
            *,
            id: str,
            text: str | None = None,
            external_chatbot_id: str | None = None,
        ) -> CallResult:
            """Send a message in a chat conversation — POST /api/chat_conversations/{id}/message

            Adds a message to a conversation started with chat_conversations.start. The body is JSON, e.g. {"text":
            "Hello, world!"}; the response body is empty.

            Parameters:
                id (string, required, example '6ed7c941-2c8a-411e-95d2-338a9f64800a'): The conversation_id returned by
                    chat_conversations.start (a UUID). Type and format taken from the documented start example.
                text (string, optional, example 'Hello, world!'): The text of the message. Optional.
                external_chatbot_id (string, optional): Id of the external chatbot acting in the conversation (a UUID).
                    Optional.
            """

        def start(
            self,
            *,
            chat_queue_id: int,
            client_name: str | None = None,
            client_surname: str | None = None,
            client_email: str | None = None,
            client_id: str | None = None,
            customer_id: int | None = None,
        ) -> CallResult:
            """Start a chat conversation — POST /api/chat_conversations/start

            Starts a chat conversation in a chat queue and returns its conversation_id. Order of matching clients from
            CRM (Kolejność dopasowania klientów z CRM): 1. customer_id, 2. client_id, 3. e-mail address (client_email).
            What happens when nothing matches is not documented.

            Parameters:
                chat_queue_id (integer, required, example 3): Id of the chat queue the conversation starts in. Integer
                    type and minimum 1 inferred from the documented example.
                client_name (string, optional, example 'Jan'): The client's first name.
                client_surname (string, optional, example 'Kowalski'): The client's surname.
                client_email (string, optional, example 'jan.kowalski@example.org'): The client's e-mail address; third
                    in the CRM matching order.
                client_id (string, optional, example '1234'): Your own (external) id of the client; second in the CRM
                    matching order. Not Thulium's customer id. String type inferred: an external id need not be numeric.
                customer_id (integer, optional, example 1): Id of the customer in Thulium's CRM; first in the CRM
                    matching order. Integer type and minimum 1 inferred from the documented example.
            """

        def stop(
            self,
            *,
            id: str,
            external_chatbot_id: str | None = None,
        ) -> CallResult:
            """Stop (end) a chat conversation — POST /api/chat_conversations/{id}/stop

            Ends a conversation. Afterwards chats.list shows it with status CLOSED. The response body is empty.

            Parameters:
                id (string, required, example '6ed7c941-2c8a-411e-95d2-338a9f64800a'): The conversation_id returned by
                    chat_conversations.start (a UUID). Type and format taken from the documented start example.
                external_chatbot_id (string, optional): Id of the external chatbot acting in the conversation (a UUID).
                    Optional.
            """


class ChatsReportsEndpoints(EndpointGroup):
    """``client.chats.reports``: the ``chats.reports.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog
        summary: ChatsReportsSummaryEndpoint


class ChatsEndpoints(EndpointGroup):
    """``client.chats``: the ``chats.*`` endpoints."""

    reports = GroupAttribute("chats.reports", ChatsReportsEndpoints)

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog
        list: ChatsListEndpoint

        def queues(self) -> CallResult:
            """List chat queues — GET /api/chats/queues

            Lists the chat queues. The shape of the response was not found in the docs, so the response schema only
            requires JSON (an object or an array).

            Parameters:
            """


class CompaniesEndpoints(EndpointGroup):
    """``client.companies``: the ``companies.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def create(
            self,
            *,
            name: str | None = None,
            customer_id: int | None = None,
            type: str | None = None,
            group: str | None = None,
            nip: str | None = None,
            account_manager: str | None = None,
            address: dict[str, Any] | None = None,
            custom_fields: dict[str, Any] | None = None,
        ) -> CallResult:
            """Create a CRM company — POST /api/companies

            Adds a company to the CRM; answers 201 with the new company_id (known from third-party code).

            Parameters:
                name (string, optional, example 'Example'): The company's name.
                customer_id (integer, optional, example 273): A CRM customer linked to the company. Integer type and
                    minimum 1 inferred.
                type (string, optional): Company type.
                group (string, optional): Company group.
                nip (string, optional): Tax id (NIP).
                account_manager (string, optional): The company's account manager (form not documented).
                address (object, optional): Postal address: street, building, flat, postcode, city, country (the same
                    fields as a customer's address, inferred).
                custom_fields (object, optional, example {'Segment': 'VIP'}): Values of the CRM custom fields, by field
                    name.
            """

        def delete(
            self,
            *,
            id: int,
        ) -> CallResult:
            """Delete a CRM company — DELETE /api/companies/{id}

            Removes a company from the CRM.

            Parameters:
                id (integer, required, example 1): Id of the company. Integer type and minimum 1 inferred.
            """

        def get(
            self,
            *,
            id: int,
        ) -> CallResult:
            """Get one CRM company — GET /api/companies/{id}

            One company of the CRM: name, company_id, customer_id, type, group, nip, account_manager, address and
            custom_fields.

            Parameters:
                id (integer, required, example 1): Id of the company. Integer type and minimum 1 inferred.
            """

        def list(self) -> CallResult:
            """List CRM companies — GET /api/companies

            Lists the CRM's companies. Parameters and response shape are not documented.

            Parameters:
            """

        def update(
            self,
            *,
            id: int,
            name: str | None = None,
            customer_id: int | None = None,
            type: str | None = None,
            group: str | None = None,
            nip: str | None = None,
            account_manager: str | None = None,
            address: dict[str, Any] | None = None,
            custom_fields: dict[str, Any] | None = None,
        ) -> CallResult:
            """Update a CRM company — PUT /api/companies/{id}

            Changes a company's fields (none required).

            Parameters:
                id (integer, required, example 1): Id of the company. Integer type and minimum 1 inferred.
                name (string, optional, example 'Example'): The company's name.
                customer_id (integer, optional, example 273): A CRM customer linked to the company. Integer type and
                    minimum 1 inferred.
                type (string, optional): Company type.
                group (string, optional): Company group.
                nip (string, optional): Tax id (NIP).
                account_manager (string, optional): The company's account manager (form not documented).
                address (object, optional): Postal address: street, building, flat, postcode, city, country (the same
                    fields as a customer's address, inferred).
                custom_fields (object, optional, example {'Segment': 'VIP'}): Values of the CRM custom fields, by field
                    name.
            """


class ConnectionsEndpoints(EndpointGroup):
    """``client.connections``: the ``connections.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def call(
            self,
            *,
            sip: str | None = None,
            phone_number: str | None = None,
        ) -> CallResult:
            """Connect a SIP extension with a phone number — POST /api/connections/call

            Starts a call between the SIP extension sip and phone_number.

            Parameters:
                sip (string, optional, example '101'): The SIP extension to connect.
                phone_number (string, optional, example '222333444'): Number to call.
            """

        list: ConnectionsListEndpoint


class CrmOutboundRecordsEndpoints(EndpointGroup):
    """``client.crm_outbound_records``: the ``crm_outbound_records.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def batch_create(
            self,
            *,
            id: str,
            records: builtins.list[dict[str, Any]],
        ) -> CallResult:
            """Add several CRM customers' records to a CRM-fed campaign — POST /api/batch/crm_outbounds/{id}/records

            Adds records for several CRM customers in one call. The answer gives each customer a status (ADDED,
            ALREADY_EXISTS or FAILED), its own HTTP status and the record id.

            Parameters:
                id (string, required, example '00001'): Id of the campaign: a five-character string such as 00001
                    (documented). String type inferred from the example.
                records (array, required, example [{'customer_id': 441, 'status_id': 3}, {'customer_id': 445,
                    'status_id': 1}, {'customer_id': 448, 'status_id': 1}]): The records (required; at least one,
                    inferred).
            """

        def create(
            self,
            *,
            id: str,
            customer_id: int,
            status_id: int | str | None = None,
            dictionary_status_id: int | str | None = None,
            agent_login: str | None = None,
            next_call_date: str | None = None,
            order: int | None = None,
        ) -> CallResult:
            """Add a CRM customer's record to a CRM-fed campaign — POST /api/crm_outbounds/{id}/records

            Adds a record for a CRM customer (customer_id, required) to a campaign fed from the CRM, with optional
            status, agent, next call date and order. A campaign fed from the CRM has no campaign fields (record_fields).

            Parameters:
                id (string, required, example '00001'): Id of the campaign: a five-character string such as 00001
                    (documented). String type inferred from the example.
                customer_id (integer, required, example 441): Id of the CRM customer (required). Integer type from the
                    documented example request.
                status_id (integer|string, optional, example 8): Id of the record's status in this campaign (see
                    outbounds.statuses). The page's parameter example is 8, its example request sends "3": a number and
                    a digit string are both accepted.
                dictionary_status_id (integer|string, optional, example 8): Id of the status in the statuses dictionary
                    (outbounds.statuses shows it as dictionary_status_id). Number or digit string.
                agent_login (string, optional, example 'j.doe'): Login of the agent the record belongs to. Required when
                    the record's system status is MY_RECORD (documented; the client does not check it, because the
                    status is known only to the tenant).
                next_call_date (string, optional, example '2018-05-24 12:24'): When to call next, YYYY-MM-DD hh:mm
                    (documented). Required for MY_RECORD and CALL_NO_SOONER_THAN (documented; not checked by the
                    client). Seconds are let through (the catalog's shared date pattern).
                order (integer, optional, example 50): The record's order (what it orders is not documented; example
                    50). Integer type inferred from the example.
            """

        def get(
            self,
            *,
            id: str,
            customer_id: int,
        ) -> CallResult:
            """Get a CRM-fed campaign's record of a customer — GET /api/crm_outbounds/{id}/records/{customer_id}

            The record of one CRM customer in a campaign fed from the CRM.

            Parameters:
                id (string, required, example '00001'): Id of the campaign: a five-character string such as 00001
                    (documented). String type inferred from the example.
                customer_id (integer, required, example 441): Id of the CRM customer whose record it is. Integer type
                    and minimum 1 inferred (the example is 441).
            """

        list: CrmOutboundRecordsListEndpoint

        def update(
            self,
            *,
            id: str,
            customer_id: int,
            status_id: int | str | None = None,
            dictionary_status_id: int | str | None = None,
            agent_login: str | None = None,
            next_call_date: str | None = None,
            order: int | None = None,
        ) -> CallResult:
            """Edit a CRM customer's record in a CRM-fed campaign — PUT /api/crm_outbounds/{id}/records/{customer_id}

            Changes the status, dictionary status, agent, next call date or order of a CRM customer's record. Every body
            field is optional.

            Parameters:
                id (string, required, example '00001'): Id of the campaign: a five-character string such as 00001
                    (documented). String type inferred from the example.
                customer_id (integer, required, example 441): Id of the CRM customer whose record it is. Integer type
                    and minimum 1 inferred (the example is 441).
                status_id (integer|string, optional, example 8): Id of the record's status in this campaign (see
                    outbounds.statuses). The page's parameter example is 8, its example request sends "3": a number and
                    a digit string are both accepted.
                dictionary_status_id (integer|string, optional, example 8): Id of the status in the statuses dictionary
                    (outbounds.statuses shows it as dictionary_status_id). Number or digit string.
                agent_login (string, optional, example 'j.doe'): Login of the agent the record belongs to. Required when
                    the record's system status is MY_RECORD (documented; the client does not check it, because the
                    status is known only to the tenant).
                next_call_date (string, optional, example '2018-05-24 12:24'): When to call next, YYYY-MM-DD hh:mm
                    (documented). Required for MY_RECORD and CALL_NO_SOONER_THAN (documented; not checked by the
                    client). Seconds are let through (the catalog's shared date pattern).
                order (integer, optional, example 50): The record's order (what it orders is not documented; example
                    50). Integer type inferred from the example.
            """


class CustomerFieldGroupItemsEndpoints(EndpointGroup):
    """``client.customer_field_group_items``: the ``customer_field_group_items.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def create(
            self,
            *,
            group_id: int,
            customer_id: int,
            values: builtins.list[dict[str, Any]],
        ) -> CallResult:
            """Add a record of a customer's custom-field group — POST /api/customer_field_group_items

            Adds a record of a custom-field group for a CRM customer: the group, the customer and the values of the
            group's fields ({field_id, value}). Returns the new record's item_id.

            Parameters:
                group_id (integer, required, example 2): The custom-field group (an id from the custom-field-groups
                    resource). Required. Integer type and minimum 1 inferred from the example.
                customer_id (integer, required, example 1): The CRM customer the record belongs to. Required. Integer
                    type and minimum 1 inferred from the example.
                values (array, required, example [{'field_id': 12, 'value': 'phone'}, {'field_id': 8, 'value': 13},
                    {'field_id': 10, 'value': 'comment'}]): The values of the group's fields, each {field_id, value}.
                    Required.
            """

        list: CustomerFieldGroupItemsListEndpoint

        def update(
            self,
            *,
            id: int,
            values: builtins.list[dict[str, Any]],
        ) -> CallResult:
            """Edit a record of a customer's custom-field group — PUT /api/customer_field_group_items/{id}

            Replaces the values ({field_id, value}) of a record of a customer's custom-field group. The answer is empty.

            Parameters:
                id (integer, required, example 32): Id of the record (item) to edit; the example request uses 32.
                    Integer type and minimum 1 inferred.
                values (array, required, example [{'field_id': 12, 'value': 'phone'}, {'field_id': 8, 'value': 13},
                    {'field_id': 10, 'value': 'comment'}]): The values of the group's fields, each {field_id, value}.
                    Required.
            """


class CustomersEndpoints(EndpointGroup):
    """``client.customers``: the ``customers.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def add_feed_record(
            self,
            *,
            id: int,
            type: Literal["ZOWIE"],
            payload: str,
        ) -> CallResult:
            """Add an entry to a customer's contact history — POST /api/customers/{id}/feed_records

            Adds an entry to the contact history (feed) of a CRM customer: a type (documented possible type: ZOWIE) and
            a payload. In the documented example the payload is a JSON-encoded string, not an object.

            Parameters:
                id (integer, required, example 23): Id of the CRM customer (the example request uses 23). Integer type
                    and minimum 1 inferred.
                type (string, required, example 'ZOWIE'): Type of the entry. Required. The page lists ZOWIE as the
                    possible type.
                payload (string, required, example '[{"id":"sample-id","type":"text","payload":{"message":"Sample
                    message"},"author":"customer","time":"2021-02-02T10:10:12"}]'): Data of the entry. Required. In the
                    documented example a JSON-encoded string (a list of messages); its content is not checked.
            """

        def batch_create(
            self,
            *,
            customers: builtins.list[dict[str, Any]],
        ) -> CallResult:
            """Create CRM customers in a batch — POST /api/batch/customers

            Adds several customers in one call: {"customers": [ … ]}.

            Parameters:
                customers (array, required, example [{'name': 'Jan', 'surname': 'Kowalski'}]): The customers to create.
            """

        def create(
            self,
            *,
            surname: str,
            name: str | None = None,
            email: str | None = None,
            phone_number: str | builtins.list[str] | None = None,
            company_id: int | None = None,
            type: str | None = None,
            group: str | None = None,
            identifier: str | None = None,
            gender: Any = None,
            homepage: str | None = None,
            birthdate: str | None = None,
            nip: str | None = None,
            note: str | None = None,
            pesel: str | None = None,
            job: str | None = None,
            job_title: str | None = None,
            account_manager: str | None = None,
            custom_fields: dict[str, Any] | None = None,
            fill_read_only_custom_fields: bool | None = None,
            vip: bool | None = None,
            address: dict[str, Any] | None = None,
            invoice_address: dict[str, Any] | None = None,
            mail_drop_address: dict[str, Any] | None = None,
        ) -> CallResult:
            """Create a CRM customer — POST /api/customers

            Adds a customer to the CRM. Only surname is required. Addresses are objects with street, building, flat,
            postcode, city and country.

            Parameters:
                surname (string, required, example 'Kowalski'): The customer's surname. Required.
                name (string, optional, example 'Jan'): The customer's first name.
                email (string, optional, example 'jan.kowalski@example.org'): The customer's e-mail address.
                phone_number (string|array, optional, example '222333444'): One phone number, or a list of them
                    (documented: one or many).
                company_id (integer, optional, example 1): Id of the customer's company in the CRM. Integer type and
                    minimum 1 inferred.
                type (string, optional): The customer's type (CRM dictionary value).
                group (string, optional): The customer's group (CRM dictionary value).
                identifier (string, optional): Your identifier of the customer.
                gender (any, optional): The customer's gender; the accepted values are not documented. Type not
                    documented, so not checked.
                homepage (string, optional): The customer's web page.
                birthdate (string, optional): The customer's date of birth; its format is not documented.
                nip (string, optional): Tax id (NIP).
                note (string, optional): A free-text note.
                pesel (string, optional): Polish personal id number (PESEL).
                job (string, optional): The customer's job.
                job_title (string, optional): The customer's job title.
                account_manager (string, optional): The customer's account manager (an agent; the value's form is not
                    documented).
                custom_fields (object, optional, example {'Segment': 'VIP'}): Values of the CRM custom fields, by field
                    name.
                fill_read_only_custom_fields (boolean, optional, example True): Also set custom fields that are
                    read-only in the panel (inferred from the name). The default is not documented.
                vip (boolean, optional, example True): Mark the customer as VIP. The default is not documented.
                address (object, optional): Postal address: street, building, flat, postcode, city, country.
                invoice_address (object, optional): Invoice address (same fields as address).
                mail_drop_address (object, optional): Correspondence address (same fields as address).
            """

        def delete(
            self,
            *,
            id: int,
        ) -> CallResult:
            """Delete a CRM customer — DELETE /api/customers/{id}

            Removes a customer from the CRM.

            Parameters:
                id (integer, required, example 273): Id of the customer in Thulium. Integer type and minimum 1 inferred.
            """

        def get(
            self,
            *,
            id: int,
        ) -> CallResult:
            """Get one CRM customer — GET /api/customers/{id}

            One customer of the CRM by Thulium id.

            Parameters:
                id (integer, required, example 273): Id of the customer in Thulium. Integer type and minimum 1 inferred.
            """

        def ids_by_outbound_status(self) -> CallResult:
            """List customer ids by campaign record status — GET /api/customer_id_by_outbound_status

            Returns the ids of CRM customers narrowed by the current status of their record in a campaign. Only the
            documentation index line is known (no page was found), so the parameters and the answer's shape are not
            documented.

            Parameters:
            """

        list: CustomersListEndpoint

        def update(
            self,
            *,
            id: int,
            surname: str | None = None,
            name: str | None = None,
            email: str | None = None,
            phone_number: str | builtins.list[str] | None = None,
            company_id: int | None = None,
            type: str | None = None,
            group: str | None = None,
            identifier: str | None = None,
            gender: Any = None,
            homepage: str | None = None,
            birthdate: str | None = None,
            nip: str | None = None,
            note: str | None = None,
            pesel: str | None = None,
            job: str | None = None,
            job_title: str | None = None,
            account_manager: str | None = None,
            custom_fields: dict[str, Any] | None = None,
            fill_read_only_custom_fields: bool | None = None,
            vip: bool | None = None,
            address: dict[str, Any] | None = None,
            invoice_address: dict[str, Any] | None = None,
            mail_drop_address: dict[str, Any] | None = None,
        ) -> CallResult:
            """Update a CRM customer — PUT /api/customers/{id}

            Changes a customer's fields (the fields of customers.create; none required).

            Parameters:
                id (integer, required, example 273): Id of the customer in Thulium. Integer type and minimum 1 inferred.
                surname (string, optional, example 'Kowalski'): The customer's surname.
                name (string, optional, example 'Jan'): The customer's first name.
                email (string, optional, example 'jan.kowalski@example.org'): The customer's e-mail address.
                phone_number (string|array, optional, example '222333444'): One phone number, or a list of them
                    (documented: one or many).
                company_id (integer, optional, example 1): Id of the customer's company in the CRM. Integer type and
                    minimum 1 inferred.
                type (string, optional): The customer's type (CRM dictionary value).
                group (string, optional): The customer's group (CRM dictionary value).
                identifier (string, optional): Your identifier of the customer.
                gender (any, optional): The customer's gender; the accepted values are not documented. Type not
                    documented, so not checked.
                homepage (string, optional): The customer's web page.
                birthdate (string, optional): The customer's date of birth; its format is not documented.
                nip (string, optional): Tax id (NIP).
                note (string, optional): A free-text note.
                pesel (string, optional): Polish personal id number (PESEL).
                job (string, optional): The customer's job.
                job_title (string, optional): The customer's job title.
                account_manager (string, optional): The customer's account manager (an agent; the value's form is not
                    documented).
                custom_fields (object, optional, example {'Segment': 'VIP'}): Values of the CRM custom fields, by field
                    name.
                fill_read_only_custom_fields (boolean, optional, example True): Also set custom fields that are
                    read-only in the panel (inferred from the name). The default is not documented.
                vip (boolean, optional, example True): Mark the customer as VIP. The default is not documented.
                address (object, optional): Postal address: street, building, flat, postcode, city, country.
                invoice_address (object, optional): Invoice address (same fields as address).
                mail_drop_address (object, optional): Correspondence address (same fields as address).
            """


class OutboundRecordsEndpoints(EndpointGroup):
    """``client.outbound_records``: the ``outbound_records.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def batch_create(
            self,
            *,
            id: str,
            records: builtins.list[dict[str, Any]],
        ) -> CallResult:
            """Add several records to a campaign — POST /api/batch/outbounds/{id}/records

            Adds several records to a regular (CSV) campaign in one call. Numbers already in the campaign are not added;
            the answer gives each number a status (ADDED, ALREADY_EXISTS or FAILED) and the new record's id.

            Parameters:
                id (string, required, example '00001'): Id of the campaign: a five-character string such as 00001
                    (documented). String type inferred from the example.
                records (array, required, example [{'phone_number': '222333444', 'status_id': '3'}, {'phone_number':
                    '333444555'}]): The records (required; at least one, inferred).
            """

        def batch_delete(
            self,
            *,
            id: str,
            phone_number: builtins.list[str],
            search_in_additional_numbers: bool | None = None,
        ) -> CallResult:
            """Delete several records of a campaign by phone number — DELETE /api/batch/outbounds/{id}/records

            Deletes the campaign's records with these phone numbers (every record of a duplicated number). A record that
            is in a call is not deleted (status CALL_IN_PROGRESS). The answer lists, per number, one entry per matching
            record.

            Parameters:
                id (string, required, example '00001'): Id of the campaign: a five-character string such as 00001
                    (documented). String type inferred from the example.
                phone_number (array, required, example ['441', '442']): The numbers whose records to delete, one or many
                    (sent as phone_number[]=…; required). String items inferred from the example.
                search_in_additional_numbers (boolean, optional, example True): Also look for the number among the
                    records' additional phone numbers. Optional flag; its default is not documented.
            """

        def batch_update(
            self,
            *,
            id: str,
            records: builtins.list[dict[str, Any]],
            search_in_additional_numbers: bool | None = None,
        ) -> CallResult:
            """Edit several records of a campaign — PUT /api/batch/outbounds/{id}/records

            Changes several records of a campaign, each found by its phone number. The answer gives each number its own
            HTTP status (204 changed, 400 with a message).

            Parameters:
                id (string, required, example '00001'): Id of the campaign: a five-character string such as 00001
                    (documented). String type inferred from the example.
                records (array, required, example [{'phone_number': '111222333', 'status_id': '3', 'record_fields':
                    {'pole1': 'wartosc1', 'pole2': 'wartosc2'}}, {'phone_number': '555123321', 'agent_login': 'user'}]):
                    The records (required; at least one, inferred).
                search_in_additional_numbers (boolean, optional, example True): Also look for the number among the
                    records' additional phone numbers. Default false (documented).
            """

        def create(
            self,
            *,
            id: str,
            phone_number: str,
            status_id: int | str | None = None,
            dictionary_status_id: int | str | None = None,
            identifier: str | None = None,
            agent_login: str | None = None,
            next_call_date: str | None = None,
            record_fields: dict[str, Any] | None = None,
            order: int | None = None,
        ) -> CallResult:
            """Add a record to a campaign — POST /api/outbounds/{id}/records

            Adds one record (a phone number, with optional status, identifier, agent, next call date, campaign fields
            and order) to a regular (CSV) campaign. A number already in the campaign cannot be added through the API.

            Parameters:
                id (string, required, example '00001'): Id of the campaign: a five-character string such as 00001
                    (documented). String type inferred from the example.
                phone_number (string, required, example '333444555'): The record's phone number. String type from the
                    documented example request ("111222333"); a non-empty value is inferred.
                status_id (integer|string, optional, example 8): Id of the record's status in this campaign (see
                    outbounds.statuses). The page's parameter example is 8, its example request sends "3": a number and
                    a digit string are both accepted.
                dictionary_status_id (integer|string, optional, example 8): Id of the status in the statuses dictionary
                    (outbounds.statuses shows it as dictionary_status_id). Number or digit string.
                identifier (string, optional, example '1234567890'): Your unique identifier of the record;
                    outbound_records.update_by_identifier and delete_by_identifier find the record by it. String type
                    inferred from the list's example ("1234567890"); non-empty inferred.
                agent_login (string, optional, example 'j.doe'): Login of the agent the record belongs to. Required when
                    the record's system status is MY_RECORD (documented; the client does not check it, because the
                    status is known only to the tenant).
                next_call_date (string, optional, example '2018-05-24 12:24'): When to call next, YYYY-MM-DD hh:mm
                    (documented). Required for MY_RECORD and CALL_NO_SOONER_THAN (documented; not checked by the
                    client). Seconds are let through (the catalog's shared date pattern).
                record_fields (object, optional, example {'field1': 'value1', 'field2': 'value2'}): Values of the
                    campaign's own fields, keyed by the field names of the campaign structure. Only the fields passed
                    are set; an empty value clears a field; an unknown field name is a validation error; only non-CRM
                    campaigns have such fields (all documented). The values' types are not documented (the example uses
                    strings), so they are not checked. Personal data until shown otherwise: the fields can hold
                    anything.
                order (integer, optional, example 50): The record's order (what it orders is not documented; example
                    50). Integer type inferred from the example.
            """

        def delete(
            self,
            *,
            id: str,
            phone_number: str,
            search_in_additional_numbers: bool | None = None,
        ) -> CallResult:
            """Delete a campaign record by phone number — DELETE /api/outbounds/{id}/records/{phone_number}

            Deletes the campaign's record with this phone number; when the number is in the campaign more than once,
            every record found is deleted. A record that is in a call is not deleted.

            Parameters:
                id (string, required, example '00001'): Id of the campaign: a five-character string such as 00001
                    (documented). String type inferred from the example.
                phone_number (string, required, example '333444555'): The record's phone number. String type from the
                    documented example request ("111222333"); a non-empty value is inferred.
                search_in_additional_numbers (boolean, optional, example True): Also look for the number among the
                    records' additional phone numbers. Optional flag; its default is not documented. Sent in the query
                    string (inferred: a DELETE has no body).
            """

        def delete_by_identifier(
            self,
            *,
            id: str,
            identifier: str,
        ) -> CallResult:
            """Delete a campaign record by identifier — DELETE /api/outbounds/{id}/records_by_identifier/{identifier}

            Deletes the campaign's record with this identifier. A record that is in a call is not deleted.

            Parameters:
                id (string, required, example '00001'): Id of the campaign: a five-character string such as 00001
                    (documented). String type inferred from the example.
                identifier (string, required, example '1234567890'): The record's unique identifier (the one given when
                    it was added). String type inferred.
            """

        list: OutboundRecordsListEndpoint

        def set_status_by_phone_number(
            self,
            *,
            phone_number: str,
            status_id: int | str,
        ) -> CallResult:
            """Set the campaign status of every record with a phone number — POST /api/outbound_status_by_phone_number

            Finds every record with this phone number (only the main number is considered) and sets its campaign status
            from the given dictionary status; answers the campaigns where a status was changed.

            Parameters:
                phone_number (string, required, example '333444555'): The phone number to look for (the records' main
                    number only). String type from the documented example request.
                status_id (integer|string, required, example 8): The dictionary status to set (required). The page's
                    parameter example is 8, its example request sends "3": a number and a digit string are both
                    accepted.
            """

        def update_by_identifier(
            self,
            *,
            id: str,
            identifier: str,
            status_id: int | str | None = None,
            dictionary_status_id: int | str | None = None,
            agent_login: str | None = None,
            next_call_date: str | None = None,
            record_fields: dict[str, Any] | None = None,
        ) -> CallResult:
            """Edit a campaign record by identifier — PUT /api/outbounds/{id}/records_by_identifier/{identifier}

            Changes the status, dictionary status, agent, campaign fields or next call date of the record with this
            identifier. Every body field is optional.

            Parameters:
                id (string, required, example '00001'): Id of the campaign: a five-character string such as 00001
                    (documented). String type inferred from the example.
                identifier (string, required, example '1234567890'): The record's unique identifier (the one given when
                    it was added). String type inferred.
                status_id (integer|string, optional, example 8): Id of the record's status in this campaign (see
                    outbounds.statuses). The page's parameter example is 8, its example request sends "3": a number and
                    a digit string are both accepted.
                dictionary_status_id (integer|string, optional, example 8): Id of the status in the statuses dictionary
                    (outbounds.statuses shows it as dictionary_status_id). Number or digit string.
                agent_login (string, optional, example 'j.doe'): Login of the agent the record belongs to. Required when
                    the record's system status is MY_RECORD (documented; the client does not check it, because the
                    status is known only to the tenant).
                next_call_date (string, optional, example '2018-05-24 12:24'): When to call next, YYYY-MM-DD hh:mm
                    (documented). Required for MY_RECORD and CALL_NO_SOONER_THAN (documented; not checked by the
                    client). Seconds are let through (the catalog's shared date pattern).
                record_fields (object, optional, example {'field1': 'value1', 'field2': 'value2'}): Values of the
                    campaign's own fields, keyed by the field names of the campaign structure. Only the fields passed
                    are set; an empty value clears a field; an unknown field name is a validation error; only non-CRM
                    campaigns have such fields (all documented). The values' types are not documented (the example uses
                    strings), so they are not checked. Personal data until shown otherwise: the fields can hold
                    anything.
            """


class OutboundsEndpoints(EndpointGroup):
    """``client.outbounds``: the ``outbounds.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def add_agents(
            self,
            *,
            id: str,
            logins: builtins.list[str],
        ) -> CallResult:
            """Add agents to a campaign — POST /api/outbounds/{id}/add_agents

            Adds a list of agents (by login) to the campaign. The answer is empty.

            Parameters:
                id (string, required, example '00001'): Id of the campaign: a five-character string such as 00001
                    (documented). String type inferred from the example.
                logins (array, required, example ['anowak', 'jkowalski']): Logins of the agents to add (required). At
                    least one, each non-empty (inferred).
            """

        def agents(
            self,
            *,
            id: str,
        ) -> CallResult:
            """List the agents of a campaign — GET /api/outbounds/{id}/agents

            Every agent in the campaign, with their number and whether they are active in the system and in this
            campaign.

            Parameters:
                id (string, required, example '00001'): Id of the campaign: a five-character string such as 00001
                    (documented). String type inferred from the example.
            """

        def batch_delete(
            self,
            *,
            id: builtins.list[str],
            delete_recordings: bool | None = None,
        ) -> CallResult:
            """Delete several campaigns with all their records — DELETE /api/batch/outbounds

            Queues several campaigns for deletion with all their records (and, with delete_recordings, their
            recordings). Deletion is not immediate: removing every record and recording can take up to several hours.
            The answer lists each campaign with its own HTTP status and a status: REMOVAL_QUEUED, NOT_EXIST or
            ALREADY_QUEUED.

            Parameters:
                id (array, required, example ['00001', '00002', '00003']): The campaigns to delete, five-character ids
                    such as 00001 (sent as id[]=…; required). At least one (inferred).
                delete_recordings (boolean, optional, example True): Also delete the campaigns' recordings. Default off.
            """

        def clone(
            self,
            *,
            id: str,
        ) -> CallResult:
            """Clone a campaign — POST /api/outbounds/{id}/clone

            Clones a campaign ("Klonuje kampanię."). Known only from an older documentation index: no page was found, so
            what is copied, the parameters beyond the path's id and the answer are not documented.

            Parameters:
                id (string, required, example '00001'): Id of the campaign to clone: five characters such as 00001 (the
                    campaign id documented on the other campaign pages). String type inferred.
            """

        def create(self) -> CallResult:
            """Create a campaign — POST /api/outbounds

            Adds a campaign ("Dodaje kampanie."). Known only from an older documentation index: no page was found, so
            neither parameters nor the answer are documented.

            Parameters:
            """

        def delete(
            self,
            *,
            id: str,
        ) -> CallResult:
            """Delete a campaign with all its records — DELETE /api/outbounds/{id}

            Deletes a campaign with all its records ("Usuwa kampanię wraz ze wszystkimi rekordami."). Known only from
            the documentation's index: no page was found.

            Parameters:
                id (string, required, example '00001'): Id of the campaign: a five-character string such as 00001
                    (documented). String type inferred from the example.
            """

        def list(self) -> CallResult:
            """List campaigns — GET /api/outbounds

            Every campaign ("Zwraca listę wszystkich kampanii."). Known only from the documentation's index: no page was
            found, so neither parameters nor the answer are documented.

            Parameters:
            """

        def remove_agents(
            self,
            *,
            id: str,
            logins: builtins.list[str],
        ) -> CallResult:
            """Remove agents from a campaign — POST /api/outbounds/{id}/remove_agents

            Removes agents from the campaign ("Usuwa agentów z kampanii."). Known only from an older documentation
            index: no page was found. The logins parameter is inferred from outbounds.add_agents.

            Parameters:
                id (string, required, example '00001'): Id of the campaign: a five-character string such as 00001
                    (documented). String type inferred from the example.
                logins (array, required, example ['anowak', 'jkowalski']): Logins of the agents to remove (inferred from
                    add_agents). At least one, each non-empty (inferred).
            """

        def stats(
            self,
            *,
            id: str | None = None,
        ) -> CallResult:
            """Record statistics of the active campaigns — GET /api/outbounds/stats

            For every active campaign: its id, how many records it has and how far it is done (completion_percent).

            Parameters:
                id (string, optional, example '00001'): A campaign id (five characters, e.g. 00001). The page lists it
                    as required, but its URL has no :id and its example request passes none, so it is optional here
                    (inferred); what it does is not documented.
            """

        def statuses(
            self,
            *,
            id: str,
        ) -> CallResult:
            """List the statuses of a campaign — GET /api/outbounds/{id}/statuses

            Every record status defined in the campaign: its id, the system status it maps to, its dictionary status (or
            null) and its name.

            Parameters:
                id (string, required, example '00001'): Id of the campaign: a five-character string such as 00001
                    (documented). String type inferred from the example.
            """


class QueuesEndpoints(EndpointGroup):
    """``client.queues``: the ``queues.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def schedule_call(
            self,
            *,
            id: int,
            phone_number: str,
            call_at: str | None = None,
        ) -> CallResult:
            """Schedule a call back from a queue — POST /api/queues/{id}/schedule_call

            Schedules a call to phone_number through the queue, optionally at call_at.

            Parameters:
                id (integer, required, example 1): Id of the call queue. Integer type and minimum 1 inferred.
                phone_number (string, required, example '222333444'): Number to call. Required.
                call_at (string, optional): When to call; format not documented.
            """

        def topics(
            self,
            *,
            id: int,
        ) -> CallResult:
            """List a queue's call topics — GET /api/queues/{id}/topics

            The call topics available in a queue, grouped as in the queue's topic-group selection: only active groups
            and, within them, only active topics (an empty group is still listed), plus the custom fields of the topics.

            Parameters:
                id (integer, required, example 2): Id of the call queue. Integer type and minimum 1 inferred from the
                    example.
            """

        def waiting_list(
            self,
            *,
            id: int,
        ) -> CallResult:
            """List the callers waiting in a queue — GET /api/queues/{id}/waiting_list

            Returns the phone numbers of the people waiting in a call queue, with the time they started waiting; if a
            number is matched unambiguously in the CRM, the customer's id and name and surname (or company name) are
            returned too, else null.

            Parameters:
                id (integer, required, example 2): Id of the call queue. Integer type and minimum 1 inferred from the
                    example.
            """

        def waiting_stats(
            self,
            *,
            id: int,
        ) -> CallResult:
            """Waiting statistics of a queue — GET /api/queues/{id}/waiting_stats

            Approximate waiting time and the number of callers in a call queue.

            Parameters:
                id (integer, required, example 1): Id of the call queue. Integer type and minimum 1 inferred.
            """


class RecordingsEndpoints(EndpointGroup):
    """``client.recordings``: the ``recordings.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog
        list: RecordingsListEndpoint


class TemporaryFilesEndpoints(EndpointGroup):
    """``client.temporary_files``: the ``temporary_files.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def upload(
            self,
            *,
            filename: str,
            content: str | bytes,
        ) -> CallResult:
            """Upload a temporary file (for attachments) — POST /api/temporary_files

            Uploads a file as the raw request body (application/octet-stream), filename in the query string (required).
            The server keeps the file for 24 hours; pass its token in a ticket's attachments.

            Parameters:
                filename (string, required, example 'file.txt'): Name of the file. Required (documented). String type
                    and non-empty inferred.
                content (any, required, example 'Hello world!'): The file's bytes, sent as the raw body (text is encoded
                    as UTF-8). Required: the call uploads this body (inferred). Any JSON type other than a string is
                    refused. Not empty (inferred: the call uploads a file, and on the wire no body and an empty one are
                    the same).
            """


class TicketsEndpoints(EndpointGroup):
    """``client.tickets``: the ``tickets.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def agent_response(
            self,
            *,
            id: int,
            body: str,
            user_login: str,
            body_type: Literal["PLAIN", "HTML"] | None = None,
            date: str | None = None,
            attachments: builtins.list[str] | None = None,
        ) -> CallResult:
            """Add an agent's response to a ticket — POST /api/tickets/{id}/agent_response

            Adds a response written by an agent; body and user_login are required. Answers [] (an empty JSON array).

            Parameters:
                id (integer, required, example 1232): Id of the ticket. Integer type and minimum 1 inferred.
                body (string, required, example 'Hello, world!'): The response text. Required.
                user_login (string, required, example 'jkowalski'): The agent answering. Required.
                body_type (string, optional, example 'HTML'): HTML (default) or PLAIN (values as for tickets.create,
                    inferred).
                date (string, optional): Date of the response; its format is not documented.
                attachments (array, optional): Tokens of files uploaded with temporary_files.upload.
            """

        def create(
            self,
            *,
            to: str,
            subject: str,
            body: str,
            body_type: Literal["PLAIN", "HTML"] | None = None,
            from_: str | None = None,
            comment: str | None = None,
            cc: builtins.list[str] | None = None,
            attachments: builtins.list[str] | None = None,
            source: Literal["email", "phone", "sms", "chat", "www"] | None = None,
            direction: Literal["in_behalf_of", "out"] | None = None,
            user_login: str | None = None,
            customer_id: int | None = None,
            tags: builtins.list[str] | None = None,
            status_id: int | None = None,
            substatus_id: int | None = None,
            category_id: int | None = None,
            ticket_queue_id: int | None = None,
            custom_fields: dict[str, Any] | None = None,
        ) -> CallResult:
            """Create a ticket — POST /api/tickets

            Creates a ticket: to, subject and body are required. Attachments are tokens from temporary_files.upload.

            Parameters:
                to (string, required, example 'jan.kowalski@example.org'): Recipient of the ticket. Required.
                subject (string, required, example 'Hello, world!'): Subject. Required.
                body (string, required, example 'Hello, world!'): Body of the first message. Required.
                body_type (string, optional, example 'PLAIN'): PLAIN (default) or HTML.
                from (string, optional, example 'jan.kowalski@example.org'): Sender.
                comment (string, optional): A comment.
                cc (array, optional, example ['jan.kowalski@example.org']): Copy recipients.
                attachments (array, optional): Tokens of files uploaded with temporary_files.upload.
                source (string, optional, example 'email'): email (default), phone, sms, chat or www.
                direction (string, optional, example 'in_behalf_of'): in_behalf_of (default) or out.
                user_login (string, optional, example 'jkowalski'): Agent to assign.
                customer_id (integer, optional, example 273): CRM customer of the ticket. Integer type and minimum 1
                    inferred.
                tags (array, optional): Tags.
                status_id (integer, optional, example 2): Status. Integer type and minimum 1 inferred.
                substatus_id (integer, optional): Substatus. Integer type and minimum 1 inferred.
                category_id (integer, optional): Category. Integer type and minimum 1 inferred.
                ticket_queue_id (integer, optional, example 1): Queue. Integer type and minimum 1 inferred.
                custom_fields (object, optional): Custom field values by name.
            """

        def customer_response(
            self,
            *,
            id: int,
            body: str,
            body_type: Literal["HTML", "PLAIN"] | None = None,
            date: str | None = None,
        ) -> CallResult:
            """Add a customer's response to a ticket — POST /api/tickets/{id}/customer_response

            Adds a response from the customer to a ticket: the body (text or HTML), its type and optionally a date.
            Unlike tickets.agent_response it takes no user_login, and its answer is empty (not []).

            Parameters:
                id (integer, required, example 1234): Id of the ticket. Integer type and minimum 1 inferred from the
                    example.
                body (string, required, example 'This is body.'): The customer's response, text or HTML. Required.
                body_type (string, optional, example 'HTML'): HTML (default) or PLAIN.
                date (string, optional, example '2014-07-14 12:34'): Date of the response; the page's example is
                    2014-07-14 12:34, the format is not otherwise documented and not checked.
            """

        def get(
            self,
            *,
            id: int,
            include_custom_fields: bool | None = None,
        ) -> CallResult:
            """Get one ticket with its messages — GET /api/tickets/{id}

            One ticket and its messages (MAIL, REPLY, COMMENT).

            Parameters:
                id (integer, required, example 1232): Id of the ticket. Integer type and minimum 1 inferred.
                include_custom_fields (boolean, optional, example True): Add the ticket's custom fields. The default is
                    not documented.
            """

        list: TicketsListEndpoint

        def update(
            self,
            *,
            id: int,
            user_login: str | None = None,
            status_id: int | str | None = None,
            substatus_id: int | str | None = None,
            category_id: int | str | None = None,
            tags: builtins.list[str] | None = None,
            ticket_queue_id: int | str | None = None,
            custom_fields: dict[str, Any] | None = None,
        ) -> CallResult:
            """Edit a ticket — PUT /api/tickets/{id}

            Changes a ticket's assigned user, status, substatus, category, tags, queue or custom fields. A parameter
            left out, or sent as null, stays unchanged. The answer is empty.

            Parameters:
                id (integer, required, example 12): Id of the ticket (the example request uses 12). Integer type and
                    minimum 1 inferred.
                user_login (string|null, optional, example 'akowalski'): Login of the user the ticket is assigned to.
                    null leaves it unchanged.
                status_id (integer|string|null, optional, example '1'): New status (an id from the ticket statuses
                    resource): an integer or a digit string, as in the documented example. null leaves it unchanged.
                substatus_id (integer|string|null, optional, example '2'): New substatus (an id from the ticket statuses
                    resource): an integer or a digit string, as in the documented example. null leaves it unchanged.
                category_id (integer|string|null, optional, example '3'): New category (an id from the categories
                    resource): an integer or a digit string, as in the documented example. null leaves it unchanged.
                tags (array|null, optional, example ['tag1', 'tag2', 'tag3']): The ticket's tags, a list. null leaves
                    them unchanged. Whether the list replaces the tags or adds to them is not documented.
                ticket_queue_id (integer|string|null, optional): The ticket queue (if not given, the page says the queue
                    is chosen from the inbox). Integer or digit string accepted like the other ids (inferred). null
                    leaves it unchanged.
                custom_fields (object|null, optional, example {'field_name_1': 'value_1', 'field_name_2': 'value_2'}):
                    Custom field values by field name. null leaves them unchanged.
            """


class WebhooksEndpoints(EndpointGroup):
    """``client.webhooks``: the ``webhooks.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def create(
            self,
            *,
            actions: builtins.list[str],
            subscription_url: str,
            http_auth_user: str | None = None,
            http_auth_password: str | None = None,
        ) -> CallResult:
            """Register a webhook — POST /api/webhooks

            Subscribes your URL to events: Thulium then POSTs each event's payload to subscription_url (check a received
            payload with `thulium-explore verify-webhook`).

            Parameters:
                actions (array, required, example ['CHAT_CONVERSATION_CREATED', 'CHAT_CONVERSATION_CLOSED']): The events
                    to subscribe to, e.g. CHAT_CONVERSATION_CREATED, CHAT_AGENT_ASSIGNED, CHAT_CONVERSATION_CLOSED,
                    CUSTOMER_CREATED.
                subscription_url (string, required, example 'https://example.org/thulium-webhook'): Your URL that
                    receives the events.
                http_auth_user (string, optional, example 'thulium'): User name Thulium sends (Basic auth) when calling
                    your URL.
                http_auth_password (string, optional): Password Thulium sends (Basic auth) when calling your URL.
            """

        def list(self) -> CallResult:
            """List webhooks — GET /api/webhooks

            All registered webhooks, as a bare array (no count/result wrapper); each item has the shape webhooks.create
            answers: id, actions, subscription_url, http_auth_user, http_auth_password.

            Parameters:
            """


class EndpointGroups:
    """The endpoint groups, as typed attributes of :class:`ThuliumClient` (``client.chats``)."""

    agents = GroupAttribute("agents", AgentsEndpoints)
    chat_conversations = GroupAttribute("chat_conversations", ChatConversationsEndpoints)
    chats = GroupAttribute("chats", ChatsEndpoints)
    companies = GroupAttribute("companies", CompaniesEndpoints)
    connections = GroupAttribute("connections", ConnectionsEndpoints)
    crm_outbound_records = GroupAttribute("crm_outbound_records", CrmOutboundRecordsEndpoints)
    customer_field_group_items = GroupAttribute("customer_field_group_items", CustomerFieldGroupItemsEndpoints)
    customers = GroupAttribute("customers", CustomersEndpoints)
    outbound_records = GroupAttribute("outbound_records", OutboundRecordsEndpoints)
    outbounds = GroupAttribute("outbounds", OutboundsEndpoints)
    queues = GroupAttribute("queues", QueuesEndpoints)
    recordings = GroupAttribute("recordings", RecordingsEndpoints)
    temporary_files = GroupAttribute("temporary_files", TemporaryFilesEndpoints)
    tickets = GroupAttribute("tickets", TicketsEndpoints)
    webhooks = GroupAttribute("webhooks", WebhooksEndpoints)
