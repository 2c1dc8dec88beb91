# sbor_add_service(NAME <name> SOURCES <file.cpp>... [MIGRATIONS <NNNN_name.sql>...]
#                  [DEPENDS <target>...] [PRIVATE_DEPENDS <target>...])
# One service, one call: the static library sbor-service-<name> from <name>/<file>, its
# migrations from <name>/migrations/ (sbor_migrations_<name>()) and, when <name>/openapi.json
# exists, its OpenAPI fragment (sbor_openapi_<name>()). The library sees core/, shared/ and its
# own folder only — another service's headers are not on its include path, so a service reaches
# another only through the contracts in core/service. Whoever links it (server/app, the tests)
# includes it as "<name>/<header>.h".
function(sbor_add_service)
  cmake_parse_arguments(SERVICE "" "NAME" "SOURCES;MIGRATIONS;DEPENDS;PRIVATE_DEPENDS" ${ARGN})
  if(NOT SERVICE_NAME OR NOT SERVICE_SOURCES)
    message(FATAL_ERROR "sbor_add_service needs NAME and SOURCES")
  endif()
  set(target sbor-service-${SERVICE_NAME})
  list(TRANSFORM SERVICE_SOURCES PREPEND ${SERVICE_NAME}/)
  add_library(${target} STATIC ${SERVICE_SOURCES})
  target_include_directories(${target}
    PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/${SERVICE_NAME}
    INTERFACE ${CMAKE_CURRENT_SOURCE_DIR})
  # Repositories write SQL in their .cpp files: libpqxx is private to the service.
  target_link_libraries(${target} PUBLIC sbor-core ${SERVICE_DEPENDS} PRIVATE PkgConfig::PQXX ${SERVICE_PRIVATE_DEPENDS})
  if(SERVICE_MIGRATIONS)
    list(TRANSFORM SERVICE_MIGRATIONS PREPEND ${SERVICE_NAME}/migrations/)
    sbor_add_migrations(TARGET ${target} SERVICE ${SERVICE_NAME} FILES ${SERVICE_MIGRATIONS})
  endif()
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${SERVICE_NAME}/openapi.json)
    sbor_embed_text(TARGET ${target} SYMBOL sbor_openapi_${SERVICE_NAME} FILE ${SERVICE_NAME}/openapi.json)
  endif()
endfunction()
